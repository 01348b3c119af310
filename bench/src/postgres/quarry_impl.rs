//! The workloads with Quarry on PostgreSQL (`quarry_postgres::PgConnection`).

use quarry::prelude::*;
use quarry_postgres::PgConnection;

use super::SESSION_SQL;

/// A Quarry connection (its statement cache keeps every query prepared).
pub struct QuarryPg {
    conn: PgConnection,
}

impl QuarryPg {
    /// Connects and sets the session up.
    pub fn connect(url: &str) -> Self {
        let mut conn = PgConnection::establish(url).expect("Quarry: connect to PostgreSQL");
        conn.batch_execute(SESSION_SQL)
            .expect("Quarry: set up the session");
        Self { conn }
    }

    crate::shared_workloads::quarry_workloads!(pub);
}

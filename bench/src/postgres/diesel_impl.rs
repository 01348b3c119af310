//! The workloads with Diesel on PostgreSQL (`diesel::PgConnection`), written the way Diesel's
//! own benchmarks write them.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::PgConnection;

use super::SESSION_SQL;
use crate::diesel_schema::users;
use crate::NewUser;

/// A Diesel connection (its statement cache keeps every query prepared).
pub struct DieselPg {
    conn: PgConnection,
}

impl DieselPg {
    /// Connects and sets the session up.
    pub fn connect(url: &str) -> Self {
        let mut conn = PgConnection::establish(url).expect("Diesel: connect to PostgreSQL");
        conn.batch_execute(SESSION_SQL)
            .expect("Diesel: set up the session");
        Self { conn }
    }

    /// Inserts `rows` in one statement; returns the number inserted.
    #[inline(never)]
    pub fn insert(&mut self, rows: &[NewUser]) -> usize {
        diesel::insert_into(users::table)
            .values(rows)
            .execute(&mut self.conn)
            .expect("Diesel: insert")
    }

    crate::shared_workloads::diesel_load_workloads!(pub);
}

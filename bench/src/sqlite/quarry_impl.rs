//! The workloads with Quarry's DSL (statements cached by the connection).

use quarry::prelude::*;
use quarry_sqlite::SqliteConnection;

use super::{setup_sql, Seed, Workloads, DATABASE};
use crate::quarry_schema::users;

/// A Quarry connection to its own in-memory database.
pub struct QuarrySqlite {
    conn: SqliteConnection,
}

impl Workloads for QuarrySqlite {
    fn open(seed: Seed) -> Self {
        let mut conn = SqliteConnection::establish(DATABASE).expect("quarry: open :memory:");
        conn.batch_execute(&setup_sql(seed))
            .expect("quarry: seed the database");
        Self { conn }
    }

    crate::shared_workloads::quarry_workloads!();

    fn users_read_back(&mut self) -> Vec<(String, Option<String>)> {
        users::table
            .select((users::name, users::hair_color))
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("quarry: read back users")
    }

    fn users_clear(&mut self) {
        delete(users::table)
            .execute(&mut self.conn)
            .expect("quarry: delete users");
    }
}

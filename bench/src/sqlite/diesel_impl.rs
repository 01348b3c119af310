//! The workloads with Diesel (statements cached by the connection), written as Diesel's own
//! benchmark suite writes them.

use diesel::prelude::*;
use diesel::SqliteConnection;

use super::{setup_sql, Seed, Workloads, DATABASE};
use crate::diesel_schema::users;
use crate::NewUser;

/// A Diesel connection to its own in-memory database.
pub struct DieselSqlite {
    conn: SqliteConnection,
}

impl Workloads for DieselSqlite {
    fn open(seed: Seed) -> Self {
        let mut conn = SqliteConnection::establish(DATABASE).expect("diesel: open :memory:");
        diesel::connection::SimpleConnection::batch_execute(&mut conn, &setup_sql(seed))
            .expect("diesel: seed the database");
        Self { conn }
    }

    crate::shared_workloads::diesel_load_workloads!();

    #[inline(never)]
    fn insert(&mut self, rows: &[NewUser]) -> usize {
        // `values(rows)` with the `NewUser` struct would not be one statement on SQLite: Diesel
        // reads its `Option` field as "DEFAULT when None", which SQLite's VALUES cannot express,
        // so it falls back to one INSERT per row inside a transaction. Binding the `Option` as a
        // value (NULL when None) gives the single multi-row INSERT every implementation runs.
        let values: Vec<_> = rows
            .iter()
            .map(|r| (users::name.eq(&r.name), users::hair_color.eq(&r.hair_color)))
            .collect();
        diesel::insert_into(users::table)
            .values(&values)
            .execute(&mut self.conn)
            .expect("diesel: insert users")
    }

    fn users_read_back(&mut self) -> Vec<(String, Option<String>)> {
        users::table
            .select((users::name, users::hair_color))
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("diesel: read back users")
    }

    fn users_clear(&mut self) {
        diesel::delete(users::table)
            .execute(&mut self.conn)
            .expect("diesel: delete users");
    }
}

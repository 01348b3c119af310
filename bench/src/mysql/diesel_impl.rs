//! The workloads with Diesel on MySQL (`diesel::MysqlConnection`), written the way Diesel's
//! own benchmarks write them.

use diesel::prelude::*;
use diesel::MysqlConnection;

use crate::diesel_schema::users;
use crate::NewUser;

/// A Diesel connection (its statement cache keeps the queries it can cache prepared).
pub struct DieselMysql {
    conn: MysqlConnection,
}

impl DieselMysql {
    /// Connects (`url` names the benchmark database).
    pub fn connect(url: &str) -> Self {
        let conn = MysqlConnection::establish(url).expect("Diesel: connect to MySQL/MariaDB");
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

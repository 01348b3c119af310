//! The workloads with Quarry on MySQL (`quarry_mysql::MysqlConnection`).

use quarry_mysql::MysqlConnection;

/// A Quarry connection (its statement cache keeps the queries prepared).
pub struct QuarryMysql {
    conn: MysqlConnection,
}

impl QuarryMysql {
    /// Connects (`url` names the benchmark database).
    pub fn connect(url: &str) -> Self {
        let conn = MysqlConnection::establish(url).expect("Quarry: connect to MySQL/MariaDB");
        Self { conn }
    }

    crate::shared_workloads::quarry_workloads!(pub);
}

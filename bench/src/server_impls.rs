//! The PostgreSQL and MySQL/MariaDB implementations behind two object-safe traits, for the
//! binaries that pick an implementation at run time (`interleaved`, `profile_server`): each
//! workload returns how many rows it loaded or inserted.

use std::hint::black_box;

use crate::{mysql, postgres, Comment, NewUser, Post, User};

/// One implementation's four workloads.
pub trait ServerWorkloads {
    /// The trivial query; the number of users loaded.
    fn trivial(&mut self) -> usize;
    /// The medium query; the number of rows loaded.
    fn medium(&mut self) -> usize;
    /// The insert; the number of rows inserted.
    fn insert(&mut self, rows: &[NewUser]) -> usize;
    /// The associations; the number of users loaded.
    fn associations(&mut self) -> usize;
}

macro_rules! server_workloads {
    ($($imp:ty),*) => {$(
        impl ServerWorkloads for $imp {
            fn trivial(&mut self) -> usize {
                black_box(<$imp>::trivial(self)).len()
            }
            fn medium(&mut self) -> usize {
                black_box(<$imp>::medium(self)).len()
            }
            fn insert(&mut self, rows: &[NewUser]) -> usize {
                black_box(<$imp>::insert(self, rows))
            }
            fn associations(&mut self) -> usize {
                black_box(<$imp>::associations(self)).len()
            }
        }
    )*};
}
server_workloads!(
    postgres::QuarryPg,
    postgres::DieselPg,
    postgres::RawPg,
    mysql::QuarryMysql,
    mysql::DieselMysql,
    mysql::RawMysql
);

/// The untimed side of a server: (re)creating, seeding and emptying the tables.
pub trait ServerAdmin {
    /// Drops the tables and creates them again, empty.
    fn recreate_tables(&mut self);
    /// Replaces the rows of the three tables with these.
    fn seed(&mut self, users: &[User], posts: &[Post], comments: &[Comment]);
    /// Deletes every user (the insert workload's cleanup).
    fn delete_users(&mut self);
}

macro_rules! server_admin {
    ($($admin:ty),*) => {$(
        impl ServerAdmin for $admin {
            fn recreate_tables(&mut self) {
                <$admin>::recreate_tables(self)
            }
            fn seed(&mut self, users: &[User], posts: &[Post], comments: &[Comment]) {
                <$admin>::seed(self, users, posts, comments)
            }
            fn delete_users(&mut self) {
                <$admin>::delete_users(self)
            }
        }
    )*};
}
server_admin!(postgres::Admin, mysql::Admin);

/// Connects implementation `i` (0 Quarry, 1 Diesel, 2 raw C) to the PostgreSQL server at `url`.
pub fn connect_postgres(i: usize, url: &str) -> Box<dyn ServerWorkloads> {
    match i {
        0 => Box::new(postgres::QuarryPg::connect(url)),
        1 => Box::new(postgres::DieselPg::connect(url)),
        _ => Box::new(postgres::RawPg::connect(url)),
    }
}

/// Connects implementation `i` (0 Quarry, 1 Diesel, 2 raw C) to the benchmark database of the
/// MySQL/MariaDB server at `url` (any database).
pub fn connect_mysql(i: usize, url: &str) -> Box<dyn ServerWorkloads> {
    let url = mysql::bench_url(url);
    match i {
        0 => Box::new(mysql::QuarryMysql::connect(&url)),
        1 => Box::new(mysql::DieselMysql::connect(&url)),
        _ => Box::new(mysql::RawMysql::connect(&url)),
    }
}

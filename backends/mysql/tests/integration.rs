//! The conformance suite (`conformance/` at the workspace root) run against MySQL / MariaDB
//! (`QUARRY_MYSQL_URL`), and the tests of what only this backend has (`mysql_only`).
//!
//! Isolation: every test gets a database of its own, `quarry_c_<pid>_<n>`, created with the
//! suite's schema by `connect()` (MySQL's TEMPORARY tables cannot be used twice in one query,
//! "Can't reopen table", so they cannot hold the schema). The connection comes wrapped in an
//! [`IsolatedConnection`](harness::IsolatedConnection), which implements `Connection` and
//! `TransactionConnection` by delegating to its `MysqlConnection` (and derefs to it for the
//! backend's own methods), so the suite uses it like any connection; dropping it, when the test
//! ends or unwinds, drops the database. Databases left behind by a test process that died
//! (killed, aborted) are dropped by the next run: once per process, before the first database is
//! created, those of processes that no longer run and that no session uses are removed.

mod harness {
    use std::ops::{Deref, DerefMut};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Once;

    use quarry::connection::Connection;
    use quarry::prelude::*;
    use quarry::query_builder::QueryFragment;
    use quarry::sql_types::Text;
    use quarry::transaction::{TransactionConnection, TransactionState};
    use quarry::QueryResult;
    use quarry_mysql::{Mysql, MysqlConnection, MysqlCursor};

    use crate::suite::{Dialect, SEED};

    pub type TestBackend = Mysql;
    pub type TestConnection = IsolatedConnection;

    pub const DIALECT: Dialect = Dialect {
        division_by_zero_is_null: true,
        text_holds_nul: true,
        deferred_constraints: false,
        in_list_is_one_statement: false,
    };

    /// The suite's schema; the database's default collation (`utf8mb4_bin`) makes text compare
    /// and sort by code point, as on the other backends.
    const DDL: &str = r#"
CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT NOT NULL, hair_color TEXT, age INT NOT NULL) ENGINE=InnoDB;
CREATE TABLE posts (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL, title TEXT NOT NULL, views BIGINT NOT NULL,
    FOREIGN KEY (user_id) REFERENCES users (id)) ENGINE=InnoDB;
CREATE TABLE comments (id INT AUTO_INCREMENT PRIMARY KEY, post_id INT NOT NULL, body TEXT NOT NULL,
    FOREIGN KEY (post_id) REFERENCES posts (id)) ENGINE=InnoDB;
CREATE TABLE employees (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT NOT NULL, manager_id INT,
    FOREIGN KEY (manager_id) REFERENCES employees (id)) ENGINE=InnoDB;
CREATE TABLE `Order Items` (`OrderId` INT NOT NULL, `Line` INT NOT NULL, `Product Name` TEXT NOT NULL,
    PRIMARY KEY (`OrderId`, `Line`)) ENGINE=InnoDB;
CREATE TABLE settings (id INT AUTO_INCREMENT PRIMARY KEY, `key` VARCHAR(191) NOT NULL UNIQUE,
    value TEXT NOT NULL DEFAULT 'unset', hits INT NOT NULL DEFAULT 0 CHECK (hits >= 0)) ENGINE=InnoDB;
CREATE TABLE parents (id INT PRIMARY KEY) ENGINE=InnoDB;
CREATE TABLE children (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT NOT NULL,
    FOREIGN KEY (parent_id) REFERENCES parents (id)) ENGINE=InnoDB;
CREATE TABLE vals (id INT PRIMARY KEY, small SMALLINT NOT NULL, big BIGINT NOT NULL, f FLOAT NOT NULL,
    d DOUBLE NOT NULL, b BLOB NOT NULL, flag BOOLEAN NOT NULL, maybe INT) ENGINE=InnoDB;
"#;

    /// The prefix of the databases the tests create.
    const PREFIX: &str = "quarry_c_";

    /// `QUARRY_MYSQL_URL`, or `None` after saying on the real stderr that the test is skipped
    /// (libtest captures `println!`; a skipped test must never look like a silent pass).
    pub fn url() -> Option<String> {
        match std::env::var("QUARRY_MYSQL_URL") {
            Ok(url) => Some(url),
            Err(_) => {
                use std::io::Write;
                let _ = writeln!(std::io::stderr(), "SKIPPED: QUARRY_MYSQL_URL not set");
                None
            }
        }
    }

    /// A connection to a new database holding the suite's schema and rows.
    pub fn connect() -> Option<TestConnection> {
        let mut conn = empty_database()?;
        conn.batch_execute(DDL).expect("create the schema");
        // The seed is portable SQL with double-quoted identifiers: run it with ANSI_QUOTES.
        conn.batch_execute(
            "SET @quarry_sql_mode = @@SESSION.sql_mode; \
             SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',ANSI_QUOTES')",
        )
        .expect("turn on ANSI_QUOTES");
        conn.batch_execute(SEED).expect("insert the rows");
        conn.batch_execute("SET SESSION sql_mode = @quarry_sql_mode")
            .expect("restore the SQL mode");
        Some(conn)
    }

    /// A connection to a new, empty database of its own (dropped with the connection).
    pub fn empty_database() -> Option<IsolatedConnection> {
        static SWEEP: Once = Once::new();
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let url = url()?;
        let mut conn = MysqlConnection::establish(&url).expect("connect to QUARRY_MYSQL_URL");
        SWEEP.call_once(|| drop_stale_databases(&mut conn));
        let database = format!(
            "{PREFIX}{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        conn.batch_execute(&format!(
            "CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin; USE `{database}`"
        ))
        .expect("create the test's database");
        Some(IsolatedConnection { conn, database, url })
    }

    #[derive(QueryableByName)]
    struct Name {
        #[quarry(sql_type = Text)]
        name: String,
    }

    /// Drops the test databases of processes that no longer run (on this machine: `/proc`) and
    /// that no session uses (so neither a live process elsewhere nor one whose pid this machine
    /// reuses loses its database). Does nothing without `/proc`.
    fn drop_stale_databases(conn: &mut MysqlConnection) {
        if !std::path::Path::new("/proc/self").exists() {
            return;
        }
        let Ok(databases) = sql_query(
            "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'quarry\\_c\\_%'",
        )
        .load::<Name>(conn) else {
            return;
        };
        let Ok(in_use) =
            sql_query("SELECT DISTINCT DB AS name FROM information_schema.PROCESSLIST WHERE DB IS NOT NULL")
                .load::<Name>(conn)
        else {
            return;
        };
        for Name { name } in databases {
            let Some(pid) = name
                .strip_prefix(PREFIX)
                .and_then(|rest| rest.split('_').next())
                .and_then(|pid| pid.parse::<u32>().ok())
            else {
                continue;
            };
            let alive = pid != std::process::id() && std::path::Path::new(&format!("/proc/{pid}")).exists();
            if !alive && !in_use.iter().any(|u| u.name == name) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS `{name}`"));
            }
        }
    }

    /// A connection whose database is the test's own, dropped when the connection is.
    ///
    /// It is a `Connection` (the suite's generic code runs on it) and derefs to the
    /// `MysqlConnection` for the backend's own methods.
    pub struct IsolatedConnection {
        conn: MysqlConnection,
        database: String,
        url: String,
    }

    impl std::fmt::Debug for IsolatedConnection {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("IsolatedConnection")
                .field("database", &self.database)
                .field("conn", &self.conn)
                .finish()
        }
    }

    impl IsolatedConnection {
        /// Another connection, to the same database.
        pub fn another(&self) -> MysqlConnection {
            let mut other = MysqlConnection::establish(&self.url).expect("connect to QUARRY_MYSQL_URL");
            other
                .batch_execute(&format!("USE `{}`", self.database))
                .expect("use the test's database");
            other
        }

        /// Reconnects, back in the test's database.
        pub fn reconnect(&mut self) -> QueryResult<()> {
            self.conn.reconnect()?;
            self.conn.batch_execute(&format!("USE `{}`", self.database))
        }
    }

    impl Deref for IsolatedConnection {
        type Target = MysqlConnection;
        fn deref(&self) -> &MysqlConnection {
            &self.conn
        }
    }

    impl DerefMut for IsolatedConnection {
        fn deref_mut(&mut self) -> &mut MysqlConnection {
            &mut self.conn
        }
    }

    impl Connection for IsolatedConnection {
        type Backend = Mysql;
        type Cursor<'conn, 'q> = MysqlCursor<'conn>;

        fn query<'conn, Q>(&'conn mut self, query: &Q) -> QueryResult<MysqlCursor<'conn>>
        where
            Q: QueryFragment<Mysql> + ?Sized,
        {
            self.conn.query(query)
        }

        fn execute<Q>(&mut self, query: &Q) -> QueryResult<usize>
        where
            Q: QueryFragment<Mysql> + ?Sized,
        {
            Connection::execute(&mut self.conn, query)
        }

        fn batch_execute(&mut self, sql: &str) -> QueryResult<()> {
            self.conn.batch_execute(sql)
        }
    }

    impl TransactionConnection for IsolatedConnection {
        fn transaction_state(&mut self) -> &mut TransactionState {
            self.conn.transaction_state()
        }
    }

    impl Drop for IsolatedConnection {
        fn drop(&mut self) {
            // Never wait long for a lock another connection of the test still holds.
            let sql = format!(
                "SET SESSION lock_wait_timeout = 20; DROP DATABASE IF EXISTS `{}`",
                self.database
            );
            if self.conn.batch_execute(&sql).is_err() {
                // This connection may be broken (a test killed it): use a fresh one.
                if let Ok(mut other) = MysqlConnection::establish(&self.url) {
                    let _ = other.batch_execute(&sql);
                }
            }
        }
    }

    pub fn sql<Q: QueryFragment<TestBackend>>(query: &Q) -> String {
        normalize(&MysqlConnection::debug_sql(query).expect("the query builds"))
    }

    /// MySQL placeholders are `?` already.
    pub fn raw(sql: &str) -> String {
        sql.to_owned()
    }

    /// The names MariaDB reports: a unique key by its index name (the column's, or `PRIMARY`),
    /// a column-level CHECK as `table.column`, a missing NOT NULL value by its column alone
    /// (its message does not name the table).
    pub fn constraint(name: &str) -> Option<String> {
        Some(
            match name {
                "settings.key" => "key",
                "hits >= 0" => "settings.hits",
                "users.age" => "age",
                "users.id" => "PRIMARY",
                other => other,
            }
            .to_owned(),
        )
    }

    /// Writes MySQL's SQL in the suite's spelling, for the parts where MySQL's differs only in
    /// form: identifiers in double quotes instead of backticks, `(a || b)` for `CONCAT(a, b)`,
    /// `/` for `DIV`, `OFFSET ?` for `LIMIT 18446744073709551615 OFFSET ?` and `DEFAULT
    /// VALUES` for `() VALUES ()`. Quoted text is left alone.
    pub fn normalize(sql: &str) -> String {
        let quoted = double_quote_identifiers(sql);
        let concat = rewrite_concat(&quoted);
        map_unquoted(&concat, |part| {
            part.replace(" LIMIT 18446744073709551615 OFFSET ", " OFFSET ")
                .replace(" DIV ", " / ")
                .replace(" () VALUES ()", " DEFAULT VALUES")
        })
    }

    /// Splits `sql` into quoted (`'…'`, `"…"`) and unquoted parts, maps the unquoted ones.
    fn map_unquoted(sql: &str, f: impl Fn(&str) -> String) -> String {
        let mut out = String::with_capacity(sql.len());
        let mut part = String::new();
        let mut quote = None;
        for c in sql.chars() {
            match quote {
                None if c == '\'' || c == '"' => {
                    out.push_str(&f(&part));
                    part.clear();
                    quote = Some(c);
                    out.push(c);
                }
                None => part.push(c),
                Some(q) => {
                    out.push(c);
                    if c == q {
                        quote = None;
                    }
                }
            }
        }
        out.push_str(&f(&part));
        out
    }

    /// `` `a``b` `` → `"a`b"` (with `"` doubled inside), outside single-quoted text.
    fn double_quote_identifiers(sql: &str) -> String {
        let mut out = String::with_capacity(sql.len());
        let mut chars = sql.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '`' => {
                    out.push('"');
                    while let Some(c) = chars.next() {
                        match c {
                            '`' if chars.peek() == Some(&'`') => {
                                chars.next();
                                out.push('`');
                            }
                            '`' => break,
                            '"' => out.push_str("\"\""),
                            c => out.push(c),
                        }
                    }
                    out.push('"');
                }
                '\'' => {
                    out.push(c);
                    for c in chars.by_ref() {
                        out.push(c);
                        if c == '\'' {
                            break;
                        }
                    }
                }
                c => out.push(c),
            }
        }
        out
    }

    /// `CONCAT(a, b)` → `(a || b)`, recursively, outside quotes.
    fn rewrite_concat(sql: &str) -> String {
        const OPEN: &str = "CONCAT(";
        let mut out = String::with_capacity(sql.len());
        let mut rest = sql;
        while let Some(start) = find_unquoted(rest, OPEN) {
            out.push_str(&rest[..start]);
            let inner_start = start + OPEN.len();
            let Some((comma, close)) = split_call(&rest[inner_start..]) else {
                out.push_str(&rest[start..]);
                return out;
            };
            let left = &rest[inner_start..inner_start + comma];
            let right = &rest[inner_start + comma + 2..inner_start + close];
            out.push('(');
            out.push_str(&rewrite_concat(left));
            out.push_str(" || ");
            out.push_str(&rewrite_concat(right));
            out.push(')');
            rest = &rest[inner_start + close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The byte offset of `needle` in `sql` outside quotes.
    fn find_unquoted(sql: &str, needle: &str) -> Option<usize> {
        let mut quote = None;
        for (i, c) in sql.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '\'' || c == '"' => quote = Some(c),
                None if sql[i..].starts_with(needle) => return Some(i),
                None => {}
            }
        }
        None
    }

    /// For the text after `CONCAT(`: the offsets of its top-level `, ` and its closing `)`.
    fn split_call(args: &str) -> Option<(usize, usize)> {
        let mut depth = 0usize;
        let mut quote = None;
        let mut comma = None;
        for (i, c) in args.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '\'' | '"' => quote = Some(c),
                    '(' => depth += 1,
                    ')' if depth == 0 => return comma.map(|comma| (comma, i)),
                    ')' => depth -= 1,
                    ',' if depth == 0 && comma.is_none() && args[i..].starts_with(", ") => comma = Some(i),
                    _ => {}
                },
            }
        }
        None
    }

    #[test]
    fn normalize_writes_the_suites_spelling() {
        assert_eq!(
            normalize("SELECT CONCAT(`u`.`a``b`, CONCAT(?, 'x, ) CONCAT(')) FROM `t` WHERE (`x` DIV ?) LIMIT 18446744073709551615 OFFSET ?"),
            r#"SELECT ("u"."a`b" || (? || 'x, ) CONCAT(')) FROM "t" WHERE ("x" / ?) OFFSET ?"#
        );
        assert_eq!(
            normalize("INSERT INTO `t` () VALUES ()"),
            r#"INSERT INTO "t" DEFAULT VALUES"#
        );
        assert_eq!(normalize("SELECT `a\"b`"), r#"SELECT "a""b""#);
    }
}

#[path = "../../../conformance/mod.rs"]
mod suite;

// The Chinook query set, on the MySQL script's PascalCase names.
#[path = "../../../conformance/chinook.rs"]
mod suite_chinook;
use mysql_only::chinook::schema as chinook_schema;

// Not `conformance/returning.rs` nor `conformance/on_conflict.rs`: MySQL has neither RETURNING
// nor ON CONFLICT, and statements using them do not compile for this backend.

mod mysql_only;

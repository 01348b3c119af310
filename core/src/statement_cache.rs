//! A bounded cache of prepared statements, shared by the backends.
//!
//! Queries whose SQL is fixed by their type are keyed by that type (a repeated query skips SQL
//! generation entirely); queries whose SQL depends on run-time data (IN lists, boxed queries, raw
//! SQL) are keyed by their SQL text.

use std::any::TypeId;
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{to_sql, QueryFragment};

/// The key a statement is cached under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StatementCacheKey {
    /// The query's type (lifetimes erased).
    Type(TypeId),
    /// The query's SQL text.
    Sql(String),
}

impl StatementCacheKey {
    /// The key for a query of type `Q` whose SQL is fixed by its type.
    pub fn for_type<Q: ?Sized>() -> Self {
        Self::Type(typeid::of::<Q>())
    }

    /// The key for `query`: its type, or its SQL text when that depends on run-time data
    /// (`dynamic`, as reported by [`collect_binds`](crate::query_builder::collect_binds)).
    pub fn for_query<DB: Backend, Q: QueryFragment<DB> + ?Sized>(
        query: &Q,
        dynamic: bool,
    ) -> QueryResult<Self> {
        Ok(if dynamic {
            Self::Sql(to_sql::<DB, Q>(query)?)
        } else {
            Self::for_type::<Q>()
        })
    }

    /// The SQL text of `query`, this key's: taken from the key when it holds it, generated
    /// otherwise (SQL is only generated to prepare a statement).
    pub fn sql<DB: Backend, Q: QueryFragment<DB> + ?Sized>(&self, query: &Q) -> QueryResult<Cow<'_, str>> {
        Ok(match self {
            Self::Sql(sql) => Cow::Borrowed(sql),
            Self::Type(_) => Cow::Owned(to_sql::<DB, Q>(query)?),
        })
    }
}

/// The hasher of the cache's map: a multiply-rotate mix (the scheme of rustc's FxHash), not
/// SipHash. A key is a `TypeId`, already a hash, or SQL text the program generated; the map holds
/// at most the cache's capacity, so there is no flooding to defend against, and a lookup happens
/// on every query. Measured with `bench/profile quarry trivial 1`: SipHash was about a tenth of
/// the client's instructions for a one-row query.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl KeyHasher {
    #[inline]
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for KeyHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A bounded map from [`StatementCacheKey`] to prepared statements `S`, evicting the oldest
/// entry when full.
#[derive(Debug)]
pub struct StatementCache<S> {
    map: HashMap<StatementCacheKey, S, BuildHasherDefault<KeyHasher>>,
    order: VecDeque<StatementCacheKey>,
    capacity: usize,
    // Backends whose statements live on the server collect evicted ones to release them.
    keep_evicted: bool,
    evicted: Vec<S>,
}

/// The default number of statements a connection keeps prepared.
pub const DEFAULT_STATEMENT_CACHE_CAPACITY: usize = 256;

impl<S> Default for StatementCache<S> {
    fn default() -> Self {
        Self::with_capacity(DEFAULT_STATEMENT_CACHE_CAPACITY)
    }
}

impl<S> StatementCache<S> {
    /// A cache holding at most `capacity` statements; 0 turns caching off.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            map: HashMap::default(),
            order: VecDeque::new(),
            capacity,
            keep_evicted: false,
            evicted: Vec::new(),
        }
    }

    /// Keeps evicted statements for [`take_evicted`](Self::take_evicted) instead of dropping
    /// them (for statements that must be released on the server, like PostgreSQL's).
    pub fn keep_evicted(mut self) -> Self {
        self.keep_evicted = true;
        self
    }

    /// The statements evicted since the last call (only with [`keep_evicted`](Self::keep_evicted)).
    pub fn take_evicted(&mut self) -> Vec<S> {
        std::mem::take(&mut self.evicted)
    }

    /// Changes the capacity, evicting statements if needed; 0 turns caching off.
    pub fn set_capacity(&mut self, capacity: usize) {
        self.capacity = capacity;
        while self.map.len() > capacity {
            self.evict_oldest();
        }
    }

    /// Whether caching is on.
    pub fn is_enabled(&self) -> bool {
        self.capacity > 0
    }

    /// How many statements are cached.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the cache is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Removes every statement.
    pub fn clear(&mut self) {
        self.order.clear();
        if self.keep_evicted {
            self.evicted.extend(self.map.drain().map(|(_, s)| s));
        } else {
            self.map.clear();
        }
    }

    /// The statement for `key`, preparing and caching it with `prepare` if absent. Returns `None`
    /// only when caching is off (capacity 0), without calling `prepare`.
    pub fn get_or_try_insert_with<E>(
        &mut self,
        key: &StatementCacheKey,
        prepare: impl FnOnce() -> Result<S, E>,
    ) -> Option<Result<&mut S, E>> {
        if self.capacity == 0 {
            return None;
        }
        if !self.map.contains_key(key) {
            match prepare() {
                // The key is copied only on a miss, next to the far costlier prepare.
                Ok(stmt) => self.insert(key.clone(), stmt),
                Err(e) => return Some(Err(e)),
            }
        }
        self.map.get_mut(key).map(Ok)
    }

    /// Puts a statement into the cache (no-op when caching is off).
    pub fn insert(&mut self, key: StatementCacheKey, stmt: S) {
        if self.capacity == 0 {
            return;
        }
        if !self.order.contains(&key) {
            while self.map.len() >= self.capacity {
                self.evict_oldest();
            }
            self.order.push_back(key.clone());
        }
        self.map.insert(key, stmt);
    }

    fn evict_oldest(&mut self) {
        while let Some(old) = self.order.pop_front() {
            if let Some(stmt) = self.map.remove(&old) {
                if self.keep_evicted {
                    self.evicted.push(stmt);
                }
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, BuildHasherDefault};

    use super::{KeyHasher, StatementCache, StatementCacheKey};

    fn hash(key: &StatementCacheKey) -> u64 {
        BuildHasherDefault::<KeyHasher>::default().hash_one(key)
    }

    #[test]
    fn keys_differing_in_one_byte_or_in_length_hash_apart() {
        let keys = [
            StatementCacheKey::Sql("SELECT 1".into()),
            StatementCacheKey::Sql("SELECT 2".into()),
            StatementCacheKey::Sql("SELECT 1 ".into()),
            StatementCacheKey::Sql("SELECT 1\0".into()),
            StatementCacheKey::Sql(String::new()),
            StatementCacheKey::for_type::<u8>(),
            StatementCacheKey::for_type::<u16>(),
        ];
        let hashes: Vec<u64> = keys.iter().map(hash).collect();
        for (i, a) in hashes.iter().enumerate() {
            for b in &hashes[i + 1..] {
                assert_ne!(a, b, "two of {keys:?} hash alike");
            }
        }
    }

    #[test]
    fn a_hit_returns_the_cached_statement_without_preparing() {
        let mut cache = StatementCache::<String>::with_capacity(2);
        let key = StatementCacheKey::Sql("SELECT 1".into());
        let first = cache.get_or_try_insert_with(&key, || Ok::<_, ()>("prepared".to_owned()));
        assert_eq!(first, Some(Ok(&mut "prepared".to_owned())));
        let again = cache.get_or_try_insert_with(&key, || Err(()));
        assert_eq!(again, Some(Ok(&mut "prepared".to_owned())));
        assert_eq!(cache.len(), 1);
    }
}

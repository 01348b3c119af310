//! The benchmark schema for Quarry (Diesel's benchmark schema: users, posts, comments).

quarry::table! {
    users (id) {
        id -> Integer,
        name -> Text,
        hair_color -> Nullable<Text>,
    }
    posts (id) {
        id -> Integer,
        #[references(users::id)]
        user_id -> Integer,
        title -> Text,
        body -> Nullable<Text>,
    }
    comments (id) {
        id -> Integer,
        #[references(posts::id)]
        post_id -> Integer,
        text -> Text,
    }
}

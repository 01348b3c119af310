use quarry_ui_tests::schema::*;

fn main() {
    // `NewPost` derives `Insertable` for `posts`, not for `users`.
    let _ = insert_into(users::table).values(&NewPost { user_id: 1, title: "Engines" });
}

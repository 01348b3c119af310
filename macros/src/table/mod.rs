//! The `table!` macro: parse into [`model::Schema`], expand into modules.

mod expand;
mod model;
mod parse;

use proc_macro2::TokenStream;

pub use self::expand::expand;
pub use self::parse::parse;

/// Parses and expands, turning errors into `compile_error!`.
pub fn expand_tokens(input: TokenStream) -> TokenStream {
    match parse(input) {
        Ok(schema) => expand(&schema),
        Err(e) => e.to_compile_error(),
    }
}

#[cfg(test)]
mod tests;

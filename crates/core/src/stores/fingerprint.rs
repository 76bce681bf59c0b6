//! A token's fingerprint: what lets the `upload` command recognise a store the window
//! saved, without keeping the token or anything it can be recovered from.
//!
//! PBKDF2-HMAC-SHA256 over the token, salted with a random value of this installation
//! and the API address. A WedoCOD token carries 40 random characters, which no search
//! can find from a hash; the salt and the iterations make even a short hand-made token
//! (a sandbox's `demo-token`) costly to guess, and give two computers unrelated
//! fingerprints for one token.

use std::num::NonZeroU32;

use ring::pbkdf2;
use secrecy::{ExposeSecret, SecretString};

/// Enough to slow guessing down to a few hundred tries a second per core, while one
/// fingerprint stays a few milliseconds in a release build.
const ITERATIONS: NonZeroU32 = NonZeroU32::new(20_000).expect("non-zero");

/// The fingerprint of `token` at `address`, as hexadecimal.
pub fn of(salt: &[u8], address: &str, token: &SecretString) -> String {
    let mut salted = salt.to_vec();
    salted.push(0);
    salted.extend_from_slice(address.as_bytes());
    let mut derived = [0u8; 32];
    pbkdf2::derive(
        pbkdf2::PBKDF2_HMAC_SHA256,
        ITERATIONS,
        &salted,
        token.expose_secret().as_bytes(),
        &mut derived,
    );
    derived.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_depends_on_token_address_and_salt_and_holds_no_token() {
        let token = SecretString::from("sbx_0123456789abcdef");
        let base = of(b"salt", "https://api.wedocod.com", &token);
        assert_eq!(base, of(b"salt", "https://api.wedocod.com", &token));
        assert_ne!(base, of(b"salt", "https://shop.example.ma", &token));
        assert_ne!(base, of(b"pepper", "https://api.wedocod.com", &token));
        let other = SecretString::from("sbx_0123456789abcdeF");
        assert_ne!(base, of(b"salt", "https://api.wedocod.com", &other));
        assert!(!base.contains("0123456789abcdef"));
        assert_eq!(base.len(), 64);
    }
}

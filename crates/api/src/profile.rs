//! Where the API lives for one store: base URL, optional path prefix and dialect.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use url::{Host, Url};

/// The default production base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.wedocod.com";

/// The path prefix some accounts use with the v1 generation.
pub const V1_PREFIX: &str = "/api/web/1.0";

/// Which documentation generation the server follows (api-contract.md §4).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// `{data, meta}` / `{error}` envelopes, `data` as the create body key.
    #[default]
    V2,
    /// Laravel defaults: `{message, errors}`, `leads` / `orders` body keys.
    V1,
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dialect::V2 => "v2",
            Dialect::V1 => "v1",
        })
    }
}

impl FromStr for Dialect {
    type Err = ProfileError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "v2" | "2" => Ok(Dialect::V2),
            "v1" | "1" => Ok(Dialect::V1),
            _ => Err(ProfileError::UnknownDialect(text.to_string())),
        }
    }
}

/// Why a base URL or prefix cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("{0:?} is not a valid URL")]
    InvalidUrl(String),
    #[error("{0:?} must start with https:// (or http:// for this computer only)")]
    UnsupportedScheme(String),
    #[error(
        "plain http:// is refused for {0}: the token would cross the network unencrypted; use https://"
    )]
    PlainHttpRefused(String),
    #[error("unknown dialect {0:?}: expected v2 or v1")]
    UnknownDialect(String),
    /// Only what was found is named, never its value: a password typed into the address
    /// must not reach a log or an error message.
    #[error(
        "the API address of {host} must not carry {found}: give only https://host[:port][/path]; the token goes in its own field"
    )]
    NotABaseUrl { host: String, found: String },
}

/// Base URL + optional prefix + dialect: all the client needs to build a request URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiProfile {
    base: Url,
    prefix: String,
    dialect: Dialect,
}

impl ApiProfile {
    /// Checks the URL: `https://` anywhere, `http://` only for loopback hosts, and nothing
    /// but scheme, host, port and path (credentials or a query would be saved in the config
    /// file and sent with every request).
    pub fn new(base_url: &str, prefix: &str, dialect: Dialect) -> Result<Self, ProfileError> {
        let base = Url::parse(base_url.trim())
            .map_err(|_| ProfileError::InvalidUrl(base_url.to_string()))?;
        refuse_extras(&base)?;
        match base.scheme() {
            "https" => {}
            "http" if is_loopback(base.host()) => {}
            "http" => {
                let host = base.host_str().unwrap_or_default().to_string();
                return Err(ProfileError::PlainHttpRefused(host));
            }
            _ => return Err(ProfileError::UnsupportedScheme(base_url.to_string())),
        }
        if base.host().is_none() {
            return Err(ProfileError::InvalidUrl(base_url.to_string()));
        }
        Ok(ApiProfile {
            base,
            prefix: normalise_prefix(prefix),
            dialect,
        })
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The base URL as given (without the prefix).
    pub fn base_url(&self) -> &Url {
        &self.base
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The full URL of an endpoint's path segments, prefix included; segments are
    /// percent-escaped, so a reference can never change the route.
    pub fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty();
            path.extend(self.prefix.split('/').filter(|part| !part.is_empty()));
            path.extend(segments);
        }
        url
    }
}

/// Refuses a user name, password, query string or fragment in a base URL.
fn refuse_extras(base: &Url) -> Result<(), ProfileError> {
    let found: Vec<&str> = [
        (!base.username().is_empty(), "a user name"),
        (base.password().is_some(), "a password"),
        (base.query().is_some(), "a query string"),
        (base.fragment().is_some(), "a fragment"),
    ]
    .into_iter()
    .filter_map(|(present, what)| present.then_some(what))
    .collect();
    if found.is_empty() {
        return Ok(());
    }
    Err(ProfileError::NotABaseUrl {
        host: base.host_str().unwrap_or_default().to_string(),
        found: found.join(", "),
    })
}

/// `"api/web/1.0/"` → `"/api/web/1.0"`; empty stays empty.
fn normalise_prefix(prefix: &str) -> String {
    let trimmed = prefix.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

fn is_loopback(host: Option<Host<&str>>) -> bool {
    match host {
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_and_loopback_http_are_accepted() {
        for url in [
            "https://api.wedocod.com",
            "http://127.0.0.1:8080",
            "http://127.8.0.1",
            "http://localhost:3000",
            "http://[::1]:9000",
        ] {
            assert!(ApiProfile::new(url, "", Dialect::V2).is_ok(), "{url}");
        }
    }

    #[test]
    fn plain_http_elsewhere_is_refused() {
        assert_eq!(
            ApiProfile::new("http://shop.example.ma", "", Dialect::V2),
            Err(ProfileError::PlainHttpRefused("shop.example.ma".into()))
        );
        assert!(matches!(
            ApiProfile::new("ftp://x", "", Dialect::V2),
            Err(ProfileError::UnsupportedScheme(_))
        ));
        assert!(matches!(
            ApiProfile::new("not a url", "", Dialect::V2),
            Err(ProfileError::InvalidUrl(_))
        ));
    }

    #[test]
    fn credentials_queries_and_fragments_are_refused_without_echoing_them() {
        let refused = |url: &str| match ApiProfile::new(url, "", Dialect::V2) {
            Err(error @ ProfileError::NotABaseUrl { .. }) => error.to_string(),
            other => panic!("{url}: {other:?}"),
        };
        let message = refused("https://merchant:s3cr3t-pass@shop.example.ma");
        assert!(message.contains("a user name, a password"), "{message}");
        assert!(message.contains("shop.example.ma"), "{message}");
        assert!(
            !message.contains("s3cr3t-pass") && !message.contains("merchant"),
            "{message}"
        );
        let message = refused("https://:s3cr3t-pass@shop.example.ma");
        assert!(message.contains("a password") && !message.contains("s3cr3t-pass"));
        let message = refused("https://shop.example.ma/api?token=s3cr3t-pass");
        assert!(message.contains("a query string") && !message.contains("s3cr3t-pass"));
        assert!(refused("https://shop.example.ma/#s3cr3t-pass").contains("a fragment"));
        assert!(refused("http://user@127.0.0.1:8080").contains("a user name"));
        assert!(ApiProfile::new("https://shop.example.ma/api/", "", Dialect::V2).is_ok());
    }

    #[test]
    fn urls_join_base_prefix_and_path() {
        let profile =
            ApiProfile::new("https://shop.example.ma/", "api/web/1.0/", Dialect::V1).unwrap();
        assert_eq!(
            profile.url(&["leads"]).as_str(),
            "https://shop.example.ma/api/web/1.0/leads"
        );
        let plain = ApiProfile::new("https://api.wedocod.com", "", Dialect::V2).unwrap();
        assert_eq!(
            plain.url(&["leads", "L/1 ?", "show"]).as_str(),
            "https://api.wedocod.com/leads/L%2F1%20%3F/show"
        );
    }
}

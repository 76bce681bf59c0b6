//! Sanctum token scopes. The v2 documentation spells them `create leads`, the v1
//! documentation `CREATE LEADS`; both name the same permission, so a scope is parsed
//! case-insensitively and printed in the v2 spelling.
//!
//! Only `create sourcings` is documented beyond leads and orders; `view stocks`,
//! `view invoices` and `view sourcings` are this project's decision (api-contract.md §6
//! leaves them open), written in the README's sandbox section.

use std::fmt;
use std::str::FromStr;

/// What a call does to a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Create,
    View,
    Update,
    Delete,
}

/// The two record kinds that carry scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResourceName {
    Leads,
    Orders,
}

impl ResourceName {
    /// The plural used in paths, body keys (v1) and scope names.
    pub fn plural(self) -> &'static str {
        match self {
            ResourceName::Leads => "leads",
            ResourceName::Orders => "orders",
        }
    }
}

/// What a scope is about: the two record kinds, and the seller API's other lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    Leads,
    Orders,
    Stocks,
    Invoices,
    Sourcings,
}

impl Subject {
    /// The plural the scope's name ends with.
    pub fn plural(self) -> &'static str {
        match self {
            Subject::Leads => "leads",
            Subject::Orders => "orders",
            Subject::Stocks => "stocks",
            Subject::Invoices => "invoices",
            Subject::Sourcings => "sourcings",
        }
    }
}

impl From<ResourceName> for Subject {
    fn from(resource: ResourceName) -> Subject {
        match resource {
            ResourceName::Leads => Subject::Leads,
            ResourceName::Orders => Subject::Orders,
        }
    }
}

/// One permission a token may carry, such as `view leads`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scope {
    pub action: Action,
    pub subject: Subject,
}

impl Scope {
    pub fn new(action: Action, subject: impl Into<Subject>) -> Self {
        Scope {
            action,
            subject: subject.into(),
        }
    }

    /// Every scope the API defines: the documentation's order for leads and orders, then
    /// the seller lists' (read-only but for sending a sourcing request).
    pub fn all() -> Vec<Scope> {
        let mut scopes = Vec::with_capacity(12);
        for resource in [ResourceName::Leads, ResourceName::Orders] {
            for action in [Action::Create, Action::View, Action::Update, Action::Delete] {
                scopes.push(Scope::new(action, resource));
            }
        }
        scopes.extend([
            Scope::new(Action::View, Subject::Stocks),
            Scope::new(Action::View, Subject::Invoices),
            Scope::new(Action::View, Subject::Sourcings),
            Scope::new(Action::Create, Subject::Sourcings),
        ]);
        scopes
    }

    /// The v1 documentation's spelling (`VIEW LEADS`).
    pub fn v1_spelling(self) -> String {
        self.to_string().to_uppercase()
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let action = match self.action {
            Action::Create => "create",
            Action::View => "view",
            Action::Update => "update",
            Action::Delete => "delete",
        };
        write!(f, "{action} {}", self.subject.plural())
    }
}

/// The text that failed to parse as a scope.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown scope {0:?}: expected `create|view|update|delete leads|orders`, `view stocks|invoices|sourcings` or `create sourcings`"
)]
pub struct UnknownScope(pub String);

impl FromStr for Scope {
    type Err = UnknownScope;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let normalised = text.split_whitespace().collect::<Vec<_>>().join(" ");
        Scope::all()
            .into_iter()
            .find(|scope| scope.to_string().eq_ignore_ascii_case(&normalised))
            .ok_or_else(|| UnknownScope(text.to_string()))
    }
}

/// Parses a comma-separated scope list such as `view leads,CREATE LEADS`.
/// `all` (or `*`) stands for every scope.
pub fn parse_scope_list(list: &str) -> Result<Vec<Scope>, UnknownScope> {
    let trimmed = list.trim();
    if trimmed.eq_ignore_ascii_case("all") || trimmed == "*" {
        return Ok(Scope::all());
    }
    trimmed
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::parse)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_parse_to_the_same_scope() {
        let v2: Scope = "view leads".parse().unwrap();
        let v1: Scope = "VIEW  LEADS".parse().unwrap();
        assert_eq!(v2, v1);
        assert_eq!(v2.to_string(), "view leads");
        assert_eq!(v2.v1_spelling(), "VIEW LEADS");
    }

    #[test]
    fn lists_and_all() {
        assert_eq!(parse_scope_list("all").unwrap().len(), 12);
        let two = parse_scope_list("create orders, DELETE LEADS").unwrap();
        assert_eq!(
            two,
            vec![
                Scope::new(Action::Create, ResourceName::Orders),
                Scope::new(Action::Delete, ResourceName::Leads)
            ]
        );
        assert!(parse_scope_list("view products").is_err());
        assert!(parse_scope_list("delete invoices").is_err());
        assert_eq!(
            parse_scope_list("VIEW STOCKS").unwrap(),
            vec![Scope::new(Action::View, Subject::Stocks)]
        );
    }
}

//! The endpoint table of api-contract.md §6 in one place: method, path and the scope each
//! call needs. The client builds its URLs from it and the sandbox its routes.

use http::Method;

use super::scope::{Action, ResourceName, Scope, Subject};

/// The seller API's lists read by page and shown by id, beside leads and orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listing {
    Products,
    Stocks,
    Invoices,
    Sourcings,
}

impl Listing {
    pub const ALL: [Listing; 4] = [
        Listing::Products,
        Listing::Stocks,
        Listing::Invoices,
        Listing::Sourcings,
    ];

    /// Its path segment, also its name in the local copy.
    pub fn plural(self) -> &'static str {
        match self {
            Listing::Products => "products",
            Listing::Stocks => "stocks",
            Listing::Invoices => "invoices",
            Listing::Sourcings => "sourcings",
        }
    }

    /// The scope reading it needs: any valid token reads the catalogue.
    pub fn view_scope(self) -> Option<Scope> {
        let subject = match self {
            Listing::Products => return None,
            Listing::Stocks => Subject::Stocks,
            Listing::Invoices => Subject::Invoices,
            Listing::Sourcings => Subject::Sourcings,
        };
        Some(Scope::new(Action::View, subject))
    }
}

/// One route of the API. Path parameters are carried in the variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint<'a> {
    List(ResourceName),
    Show(ResourceName, &'a str),
    Create(ResourceName),
    Update(ResourceName),
    Delete(ResourceName),
    Histories(ResourceName),
    /// One status change by its id: `GET /lead-histories/{id}/show`.
    ShowHistory(ResourceName, &'a str),
    /// `GET /products`, `/stocks`, `/invoices`, `/sourcings`.
    Browse(Listing),
    /// One item by its id: `GET /products/{id}/show`…
    ShowListed(Listing, &'a str),
    /// `POST /sourcings`: one request, not a batch.
    CreateSourcing,
    /// `GET /batches/{batch_id}`: a sandbox extension (api-contract.md §8).
    Batch(&'a str),
}

impl Endpoint<'static> {
    /// Every route of the API, path parameters as placeholders (`{reference}`, `{id}`,
    /// `{batch_id}`): what the sandbox serves and its OpenAPI description lists.
    pub fn every_route() -> Vec<Endpoint<'static>> {
        let per_resource = |resource| {
            [
                Endpoint::List(resource),
                Endpoint::Show(resource, "{reference}"),
                Endpoint::Create(resource),
                Endpoint::Update(resource),
                Endpoint::Delete(resource),
                Endpoint::Histories(resource),
                Endpoint::ShowHistory(resource, "{id}"),
            ]
        };
        let mut routes: Vec<Endpoint<'static>> = [ResourceName::Leads, ResourceName::Orders]
            .into_iter()
            .flat_map(per_resource)
            .collect();
        for listing in Listing::ALL {
            routes.extend([
                Endpoint::Browse(listing),
                Endpoint::ShowListed(listing, "{id}"),
            ]);
        }
        routes.extend([Endpoint::CreateSourcing, Endpoint::Batch("{batch_id}")]);
        routes
    }
}

impl<'a> Endpoint<'a> {
    pub fn method(&self) -> Method {
        match self {
            Endpoint::Create(_) | Endpoint::CreateSourcing => Method::POST,
            Endpoint::Update(_) => Method::PATCH,
            Endpoint::Delete(_) => Method::DELETE,
            Endpoint::List(_)
            | Endpoint::Show(..)
            | Endpoint::Histories(_)
            | Endpoint::ShowHistory(..)
            | Endpoint::Browse(_)
            | Endpoint::ShowListed(..)
            | Endpoint::Batch(_) => Method::GET,
        }
    }

    /// The path segments, parameters unescaped (the URL builder escapes them).
    pub fn segments(&self) -> Vec<&'a str> {
        match *self {
            Endpoint::List(resource)
            | Endpoint::Create(resource)
            | Endpoint::Update(resource)
            | Endpoint::Delete(resource) => vec![resource.plural()],
            Endpoint::Show(resource, reference) => vec![resource.plural(), reference, "show"],
            Endpoint::Histories(resource) => vec![histories_segment(resource)],
            Endpoint::ShowHistory(resource, id) => vec![histories_segment(resource), id, "show"],
            Endpoint::Browse(listing) => vec![listing.plural()],
            Endpoint::ShowListed(listing, id) => vec![listing.plural(), id, "show"],
            Endpoint::CreateSourcing => vec![Listing::Sourcings.plural()],
            Endpoint::Batch(batch_id) => vec!["batches", batch_id],
        }
    }

    /// `/a/b/c`; with placeholder parameters (`"{reference}"`) this is a route pattern.
    pub fn path(&self) -> String {
        self.segments()
            .iter()
            .map(|segment| format!("/{segment}"))
            .collect()
    }

    /// The scope the token needs for this call (`None`: any valid token).
    pub fn scope(&self) -> Option<Scope> {
        let (action, resource) = match *self {
            Endpoint::List(resource) | Endpoint::Show(resource, _) => (Action::View, resource),
            Endpoint::Histories(resource) | Endpoint::ShowHistory(resource, _) => {
                (Action::View, resource)
            }
            Endpoint::Create(resource) => (Action::Create, resource),
            Endpoint::Update(resource) => (Action::Update, resource),
            Endpoint::Delete(resource) => (Action::Delete, resource),
            Endpoint::Browse(listing) | Endpoint::ShowListed(listing, _) => {
                return listing.view_scope();
            }
            Endpoint::CreateSourcing => {
                return Some(Scope::new(Action::Create, Subject::Sourcings));
            }
            Endpoint::Batch(_) => return None,
        };
        Some(Scope::new(action, resource))
    }
}

fn histories_segment(resource: ResourceName) -> &'static str {
    match resource {
        ResourceName::Leads => "lead-histories",
        ResourceName::Orders => "order-histories",
    }
}

/// The create/update body key: `data` in v2, the resource's plural in v1.
pub fn body_key(resource: ResourceName, dialect: super::profile::Dialect) -> &'static str {
    match dialect {
        super::profile::Dialect::V2 => "data",
        super::profile::Dialect::V1 => resource.plural(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_contract() {
        let show = Endpoint::Show(ResourceName::Leads, "{reference}");
        assert_eq!(show.path(), "/leads/{reference}/show");
        assert_eq!(
            show.scope(),
            Some(Scope::new(Action::View, ResourceName::Leads))
        );
        assert_eq!(
            Endpoint::Histories(ResourceName::Orders).path(),
            "/order-histories"
        );
        assert_eq!(
            Endpoint::Delete(ResourceName::Orders).method(),
            Method::DELETE
        );
        assert_eq!(Endpoint::Batch("b").scope(), None);
        assert_eq!(
            Endpoint::ShowHistory(ResourceName::Leads, "{id}").path(),
            "/lead-histories/{id}/show"
        );
        assert_eq!(
            Endpoint::ShowHistory(ResourceName::Orders, "7").scope(),
            Some(Scope::new(Action::View, ResourceName::Orders))
        );
        let show_product = Endpoint::ShowListed(Listing::Products, "{id}");
        assert_eq!(show_product.path(), "/products/{id}/show");
        assert_eq!(show_product.scope(), None);
        assert_eq!(
            Endpoint::Browse(Listing::Invoices).scope(),
            Some(Scope::new(Action::View, Subject::Invoices))
        );
        assert_eq!(Endpoint::CreateSourcing.path(), "/sourcings");
        assert_eq!(Endpoint::CreateSourcing.method(), Method::POST);
        assert_eq!(
            Endpoint::CreateSourcing.scope(),
            Some(Scope::new(Action::Create, Subject::Sourcings))
        );
    }
}

//! The contract's field rules (api-contract.md §6) as data. The sandbox validates request
//! bodies with them and the CSV checker validates cells with them, so a limit changes in
//! one place.

use super::profile::Dialect;
use super::scope::ResourceName;

/// The wire type of a field and the limits the server enforces on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldKind {
    /// A string whose length in characters must lie in `min..=max`.
    Text { min: usize, max: usize },
    /// A whole number in `min..=max`.
    Integer { min: i64, max: i64 },
    /// A number (decimals allowed) in `min..=max`.
    Money { min: f64, max: f64 },
    /// `true` or `false`.
    Boolean,
    /// An e-mail address of at most `max` characters.
    Email { max: usize },
}

/// Whether a field must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    Required,
    Optional,
    /// Required by the v2 API, optional in the v1 documentation (lead `city`, `address`).
    RequiredInV2,
}

impl Requirement {
    pub fn is_required(self, dialect: Dialect) -> bool {
        match self {
            Requirement::Required => true,
            Requirement::Optional => false,
            Requirement::RequiredInV2 => dialect == Dialect::V2,
        }
    }
}

/// One scalar field of a create item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldRule {
    pub name: &'static str,
    pub kind: FieldKind,
    pub requirement: Requirement,
}

/// A list field (`products`, `data`) and how many items it may hold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListRule {
    pub name: &'static str,
    pub min_items: usize,
    pub max_items: usize,
    pub requirement: Requirement,
    /// The rules of each item's fields.
    pub item_fields: &'static [FieldRule],
}

impl ListRule {
    /// The rule of the item field called `name`.
    pub fn field(&self, name: &str) -> Option<&'static FieldRule> {
        self.item_fields.iter().find(|rule| rule.name == name)
    }
}

/// Everything the server checks on one create item of a resource.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemSchema {
    pub fields: &'static [FieldRule],
    pub products: ListRule,
    /// Custom key/value pairs (leads only).
    pub custom_data: Option<ListRule>,
}

impl ItemSchema {
    /// The rule of the scalar field called `name`.
    pub fn field(&self, name: &str) -> Option<&'static FieldRule> {
        self.fields.iter().find(|rule| rule.name == name)
    }
}

const fn text(name: &'static str, min: usize, max: usize, requirement: Requirement) -> FieldRule {
    FieldRule {
        name,
        kind: FieldKind::Text { min, max },
        requirement,
    }
}

const MONEY_MAX: f64 = 999_999.0;

const LEAD_FIELDS: &[FieldRule] = &[
    text("full_name", 3, 100, Requirement::Required),
    text("phone", 7, 100, Requirement::Required),
    text("city", 3, 100, Requirement::RequiredInV2),
    text("area", 3, 100, Requirement::Optional),
    text("address", 5, 100, Requirement::RequiredInV2),
];

const SKU: FieldRule = text("sku", 1, 100, Requirement::Required);

/// v2 lead products carry the line total.
const LEAD_PRODUCT_FIELDS_V2: &[FieldRule] = &[
    SKU,
    FieldRule {
        name: "quantity",
        kind: FieldKind::Integer { min: 1, max: 999 },
        requirement: Requirement::Required,
    },
    FieldRule {
        name: "total",
        kind: FieldKind::Money {
            min: 1.0,
            max: MONEY_MAX,
        },
        requirement: Requirement::Required,
    },
];

/// v1 lead products carry the unit price instead.
const LEAD_PRODUCT_FIELDS_V1: &[FieldRule] = &[
    SKU,
    FieldRule {
        name: "quantity",
        kind: FieldKind::Integer { min: 1, max: 999 },
        requirement: Requirement::Required,
    },
    FieldRule {
        name: "price",
        kind: FieldKind::Money {
            min: 1.0,
            max: MONEY_MAX,
        },
        requirement: Requirement::Required,
    },
];

const CUSTOM_DATA_FIELDS: &[FieldRule] = &[
    text("key", 1, 100, Requirement::Required),
    text("value", 1, 100, Requirement::Required),
];

const CUSTOM_DATA: ListRule = ListRule {
    name: "data",
    min_items: 0,
    max_items: 100,
    requirement: Requirement::Optional,
    item_fields: CUSTOM_DATA_FIELDS,
};

const ORDER_FIELDS: &[FieldRule] = &[
    text("full_name", 1, 100, Requirement::Required),
    text("phone", 1, 100, Requirement::Required),
    FieldRule {
        name: "email",
        kind: FieldKind::Email { max: 100 },
        requirement: Requirement::Optional,
    },
    // [decided] The documentation gives no length for city and area; 100 like leads.
    text("city", 1, 100, Requirement::Required),
    text("area", 1, 100, Requirement::Optional),
    text("address", 1, 1_000, Requirement::Required),
    // [decided] An enum whose values are undocumented: any small positive integer.
    FieldRule {
        name: "shipment_way",
        kind: FieldKind::Integer { min: 1, max: 99 },
        requirement: Requirement::Optional,
    },
    FieldRule {
        name: "is_fees_paid_by_customer",
        kind: FieldKind::Boolean,
        requirement: Requirement::Required,
    },
    FieldRule {
        name: "total",
        kind: FieldKind::Money {
            min: 1.0,
            max: MONEY_MAX,
        },
        requirement: Requirement::Required,
    },
];

const ORDER_PRODUCT_FIELDS: &[FieldRule] = &[
    SKU,
    FieldRule {
        name: "quantity",
        kind: FieldKind::Integer {
            min: 1,
            max: 999_999,
        },
        requirement: Requirement::Required,
    },
    FieldRule {
        name: "price",
        kind: FieldKind::Money {
            min: 1.0,
            max: MONEY_MAX,
        },
        requirement: Requirement::Required,
    },
];

/// The rules of one create item of `resource` in `dialect`.
pub fn item_schema(resource: ResourceName, dialect: Dialect) -> ItemSchema {
    match resource {
        ResourceName::Leads => ItemSchema {
            fields: LEAD_FIELDS,
            products: ListRule {
                name: "products",
                min_items: 1,
                max_items: 100,
                requirement: Requirement::Required,
                item_fields: match dialect {
                    Dialect::V2 => LEAD_PRODUCT_FIELDS_V2,
                    Dialect::V1 => LEAD_PRODUCT_FIELDS_V1,
                },
            },
            custom_data: Some(CUSTOM_DATA),
        },
        ResourceName::Orders => ItemSchema {
            fields: ORDER_FIELDS,
            products: ListRule {
                name: "products",
                min_items: 1,
                max_items: 10,
                requirement: Requirement::Required,
                item_fields: ORDER_PRODUCT_FIELDS,
            },
            custom_data: None,
        },
    }
}

/// The most items one create request may carry (v2: 100; v1 documents 1,000).
pub fn max_items_per_request(dialect: Dialect) -> usize {
    match dialect {
        Dialect::V2 => 100,
        Dialect::V1 => 1_000,
    }
}

/// The most items one bulk update or delete request may carry. **\[decided\]**
pub const MAX_ITEMS_PER_BULK_CHANGE: usize = 100;

/// The largest `per_page` a list accepts (api-contract.md §5): the fewest requests to
/// read a whole list.
pub const MAX_PER_PAGE: u64 = 100;

/// The most pages of one list the console follows in one go (an export, the desk's queue):
/// a million records at [`MAX_PER_PAGE`]. A list's page count is the server's word, and a
/// broken or hostile server can announce 10¹³ pages, or keep sending full pages without a
/// count: past this ceiling the console stops and says so instead of reading for ever.
pub const MAX_PAGES_FOLLOWED: u64 = 10_000;

/// A plausible e-mail address, as the server's `email` rule sees it: one `@`, something
/// before it, a dotted domain after it, no space. Shared by the sandbox and the CSV checker.
pub fn looks_like_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.contains(char::is_whitespace)
}

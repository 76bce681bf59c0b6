//! The Products tab: the catalogue with its price and status, the stock of each product
//! in each warehouse and in all, a *low* badge at or under the warning quantity and *out*
//! at zero; a search over names and SKUs, a sort by any column's title, and a product's
//! detail panel (its description, discount and free shipping, from its show).

use std::sync::Arc;

use iced::widget::{button, center, container, scrollable, table, text};
use iced::{Center, Element, Fill, Task};

use super::listed::{Loaded, Read};
use crate::gui::direction::{filling, reading_column, reading_input, reading_row};
use crate::gui::theme;
use crate::gui::widget::error_view::ErrorAction;
use crate::gui::widget::sort_header::sort_header;
use crate::gui::widget::table_view;
use crate::i18n::conventions::money;
use crate::i18n::{status_label, tr};
use wedocod_api::seller::Stock;
use wedocod_api::wire::Product;
use wedocod_api::{ApiError, Client};
use wedocod_core::copy::{LocalCopy, fold_text};
use wedocod_core::seller::{StockLevel, StockLevels, StockMark};

/// The search box's id (Ctrl+F focuses it).
pub const SEARCH_ID: &str = "products-search";

/// The columns the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Sku,
    Price,
    Stock,
}

#[derive(Debug)]
pub struct State {
    products: Loaded<Product>,
    stocks: Loaded<Stock>,
    levels: StockLevels,
    search: String,
    sort: (SortBy, bool),
    /// Indexes into the products, searched and sorted.
    shown: Vec<usize>,
    detail: Option<Detail>,
}

/// A product opened in the side panel: its list fields at once, its show's when read.
#[derive(Debug)]
struct Detail {
    listed: Product,
    shown: Option<Result<Product, ApiError>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Refresh,
    ProductsRead(Read<Product>),
    StocksRead(Read<Stock>),
    Search(String),
    SortBy(SortBy),
    Open(usize),
    DetailRead(String, Arc<Result<Product, ApiError>>),
    CloseDetail,
    ListError(ErrorAction),
}

pub type Action = super::Action<Message>;

impl State {
    pub fn new(copy: LocalCopy) -> State {
        State {
            products: Loaded::new(copy.clone()),
            stocks: Loaded::new(copy),
            levels: StockLevels::default(),
            search: String::new(),
            sort: (SortBy::Name, true),
            shown: Vec::new(),
            detail: None,
        }
    }

    pub fn visit(&self, client: &Client) -> Task<Message> {
        Task::batch([
            self.products.first_read(client).map(Message::ProductsRead),
            self.stocks.first_read(client).map(Message::StocksRead),
        ])
    }

    pub fn copy_refreshed(&self, client: &Client) -> Task<Message> {
        Task::batch([
            self.products.read_again(client).map(Message::ProductsRead),
            self.stocks.read_again(client).map(Message::StocksRead),
        ])
    }

    fn read(&self, client: &Client, from_store: bool) -> Task<Message> {
        Task::batch([
            self.products
                .read(client, from_store)
                .map(Message::ProductsRead),
            self.stocks
                .read(client, from_store)
                .map(Message::StocksRead),
        ])
    }

    pub fn update(&mut self, message: Message, client: &Client) -> Action {
        match message {
            Message::Refresh => return Action::Run(self.read(client, true)),
            Message::ProductsRead(read) => {
                self.products.take(&read);
                self.arrange();
            }
            Message::StocksRead(read) => {
                self.stocks.take(&read);
                self.levels = StockLevels::of(self.stocks.items());
                self.arrange();
            }
            Message::Search(search) => {
                self.search = search;
                self.arrange();
            }
            Message::SortBy(column) => {
                self.sort = match self.sort {
                    (by, ascending) if by == column => (by, !ascending),
                    // Stock and price read best from the smallest, names from A.
                    _ => (column, true),
                };
                self.arrange();
            }
            Message::Open(index) => {
                let Some(product) = self.products.items().get(index).cloned() else {
                    return Action::None;
                };
                let id = product.id.clone();
                self.detail = Some(Detail {
                    listed: product,
                    shown: None,
                });
                if let Some(id) = id {
                    let client = client.clone();
                    return Action::Run(Task::perform(
                        async move {
                            let shown = client.product(&id).await;
                            Message::DetailRead(id, Arc::new(shown))
                        },
                        std::convert::identity,
                    ));
                }
            }
            Message::DetailRead(id, shown) => {
                if let Some(detail) = &mut self.detail
                    && detail.listed.id.as_deref() == Some(id.as_str())
                {
                    detail.shown = Some(shown.as_ref().clone());
                }
            }
            Message::CloseDetail => self.detail = None,
            Message::ListError(ErrorAction::Retry) => return Action::Run(self.read(client, true)),
            Message::ListError(ErrorAction::ReplaceToken) => return Action::ReplaceToken,
            Message::ListError(ErrorAction::Dismiss) => {
                self.products.dismiss();
                self.stocks.dismiss();
            }
        }
        Action::None
    }

    /// Searches and sorts the products again.
    fn arrange(&mut self) {
        let needle = fold_text(self.search.trim());
        let products = self.products.items();
        let mut shown: Vec<usize> = (0..products.len())
            .filter(|&index| {
                let product = &products[index];
                needle.is_empty()
                    || [&product.name, &product.sku]
                        .into_iter()
                        .flatten()
                        .any(|field| fold_text(field).contains(&needle))
            })
            .collect();
        let levels = &self.levels;
        let quantity = |product: &Product| {
            product
                .sku
                .as_deref()
                .and_then(|sku| levels.level(sku))
                .map_or(-1, |level| level.quantity)
        };
        let (by, ascending) = self.sort;
        shown.sort_by(|&a, &b| {
            let (a, b) = (&products[a], &products[b]);
            let order = match by {
                SortBy::Name => fold_text(a.name.as_deref().unwrap_or_default())
                    .cmp(&fold_text(b.name.as_deref().unwrap_or_default())),
                SortBy::Sku => a.sku.cmp(&b.sku),
                SortBy::Price => a
                    .price
                    .unwrap_or_default()
                    .total_cmp(&b.price.unwrap_or_default()),
                SortBy::Stock => quantity(a).cmp(&quantity(b)),
            };
            if ascending { order } else { order.reverse() }
        });
        self.shown = shown;
    }

    pub fn view(&self) -> Element<'_, Message> {
        let products = self.products.items();
        let (low, out) = products
            .iter()
            .filter_map(|product| self.level_of(product))
            .fold((0, 0), |(low, out), level| match level.mark() {
                StockMark::Low => (low + 1, out),
                StockMark::Out => (low, out + 1),
                StockMark::Enough => (low, out),
            });
        let toolbar = reading_row![
            reading_input(&tr!("products-search"), &self.search)
                .id(SEARCH_ID)
                .on_input(Message::Search)
                .width(380),
            filling(
                text(tr!(
                    "products-count",
                    count = products.len(),
                    low = low,
                    out = out
                ))
                .style(theme::muted)
            ),
            button(text(tr!("refresh"))).on_press(Message::Refresh),
        ]
        .spacing(theme::GAP)
        .align_y(Center);
        let mut content = reading_column![toolbar].spacing(theme::GAP);
        if let Some(status) = self.products.status(Message::ListError) {
            content = content.push(status);
        }
        if let Some(status) = self.stocks.problem(Message::ListError) {
            content = content.push(status);
        }
        let mut body = reading_row![self.table()].spacing(theme::GAP);
        if let Some(detail) = &self.detail {
            body = body.push(self.detail_panel(detail));
        }
        container(content.push(body)).padding(theme::PAD).into()
    }

    fn level_of(&self, product: &Product) -> Option<&StockLevel> {
        product
            .sku
            .as_deref()
            .and_then(|sku| self.levels.level(sku))
    }

    fn table(&self) -> Element<'_, Message> {
        let products = self.products.items();
        if products.is_empty() {
            return center(text(tr!("loading"))).into();
        }
        let sorted = self.sort;
        let header = move |label: String, column: SortBy| {
            sort_header(label, column, sorted, Some(Message::SortBy(column)))
        };
        let product = move |index: &usize| &products[*index];
        let columns = [
            table::column(header(tr!("column-name"), SortBy::Name), move |index| {
                button(text(product(index).name.clone().unwrap_or_default()))
                    .style(button::text)
                    .padding(0)
                    .on_press(Message::Open(*index))
            }),
            table::column(header(tr!("column-sku"), SortBy::Sku), move |index| {
                text(product(index).sku.clone().unwrap_or_default())
            }),
            table::column(header(tr!("column-price"), SortBy::Price), move |index| {
                text(product(index).price.map(money).unwrap_or_default())
            }),
            table::column(
                text(tr!("column-status")).font(crate::gui::fonts::BOLD),
                move |index| text(status_label(product(index).status.as_deref().unwrap_or(""))),
            ),
            table::column(header(tr!("column-stock"), SortBy::Stock), move |index| {
                stock_cell(self.level_of(product(index)))
            }),
            table::column(
                text(tr!("column-warehouses")).font(crate::gui::fonts::BOLD),
                move |index| {
                    text(
                        self.level_of(product(index))
                            .map(warehouses_text)
                            .unwrap_or_default(),
                    )
                    .size(13)
                },
            ),
        ];
        table_view::scrolled(columns, &self.shown)
    }

    fn detail_panel<'a>(&'a self, detail: &'a Detail) -> Element<'a, Message> {
        let product = match &detail.shown {
            Some(Ok(shown)) => shown,
            _ => &detail.listed,
        };
        let mut content = reading_column![
            reading_row![
                filling(text(product.name.clone().unwrap_or_default()).size(18)),
                button(text(tr!("close")))
                    .style(button::secondary)
                    .on_press(Message::CloseDetail)
            ]
            .align_y(Center)
        ]
        .spacing(theme::GAP);
        let yes_no = |flag: Option<bool>| match flag {
            Some(true) => tr!("yes"),
            Some(false) => tr!("no"),
            None => "—".to_string(),
        };
        let fields = [
            (tr!("column-sku"), product.sku.clone().unwrap_or_default()),
            (
                tr!("column-price"),
                product.price.map(money).unwrap_or_default(),
            ),
            (
                tr!("column-status"),
                status_label(product.status.as_deref().unwrap_or("")),
            ),
            (tr!("product-discount"), yes_no(product.has_discount)),
            (tr!("product-free-shipping"), yes_no(product.free_shipping)),
            (
                tr!("column-stock"),
                self.level_of(product)
                    .map(|level| format!("{} · {}", level.quantity, warehouses_text(level)))
                    .unwrap_or_else(|| tr!("stock-unknown")),
            ),
        ];
        for (label, value) in fields {
            content = content.push(reading_column![
                text(label).size(12).style(theme::muted),
                text(value)
            ]);
        }
        content = content.push(
            text(tr!("product-description"))
                .size(12)
                .style(theme::muted),
        );
        content = content.push(match &detail.shown {
            None => text(tr!("loading")),
            Some(Ok(shown)) => text(
                shown
                    .description
                    .clone()
                    .filter(|description| !description.trim().is_empty())
                    .unwrap_or_else(|| "—".to_string()),
            ),
            Some(Err(error)) => {
                text(crate::gui::widget::error_view::describe(error, None)).style(text::danger)
            }
        });
        container(scrollable(content.padding(theme::PAD)))
            .width(340)
            .height(Fill)
            .style(theme::panel)
            .into()
    }
}

/// The total and its badge: *out* at zero, *low* at or under the warning.
fn stock_cell<'a>(level: Option<&StockLevel>) -> Element<'a, Message> {
    let Some(level) = level else {
        return text("—").style(theme::muted).into();
    };
    let mark = level.mark();
    let badge = match mark {
        StockMark::Out => Some(tr!("stock-out")),
        StockMark::Low => Some(tr!("stock-low")),
        StockMark::Enough => None,
    };
    let mut cell = reading_row![text(level.quantity)]
        .spacing(6)
        .align_y(Center);
    if let Some(badge) = badge {
        cell = cell.push(
            container(text(badge).size(12))
                .padding([1, 8])
                .style(theme::stock_badge(mark)),
        );
    }
    cell.into()
}

/// "Casablanca 12 · Tanger 0".
fn warehouses_text(level: &StockLevel) -> String {
    level
        .warehouses
        .iter()
        .map(|(warehouse, quantity)| format!("{warehouse} {quantity}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

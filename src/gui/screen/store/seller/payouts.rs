//! The Payouts tab: the invoices WedoCOD pays the merchant by (reference, amount, status,
//! payment method, dates), their totals by status and by month, and their export to Excel
//! or CSV like the other tables (the system's dialog, or a typed path when none opens).

use std::path::PathBuf;

use iced::widget::{button, center, container, scrollable, table, text};
use iced::{Center, Element, Fill, Task};

use super::listed::{Loaded, Read};
use crate::gui::blocking::off_the_window;
use crate::gui::direction::{filling, reading_column, reading_row, table_columns};
use crate::gui::file_dialog::{self, Chosen};
use crate::gui::screen::store::records::export::choose_file;
use crate::gui::screen::store::records::typed_path::{self, TypedPath};
use crate::gui::theme;
use crate::gui::widget::error_view::ErrorAction;
use crate::gui::widget::sort_header::sort_header;
use crate::gui::widget::table_view;
use crate::i18n::conventions::{local_time, money};
use crate::i18n::{coded_label, status_label, tr};
use wedocod_api::Client;
use wedocod_api::seller::Invoice;
use wedocod_core::copy::LocalCopy;
use wedocod_core::records::write_sheet_file;
use wedocod_core::seller::{PayoutTotals, invoice_sheet};

/// The columns the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Reference,
    Amount,
    Status,
    Created,
}

#[derive(Debug)]
pub struct State {
    invoices: Loaded<Invoice>,
    totals: PayoutTotals,
    sort: (SortBy, bool),
    /// Indexes into the invoices, sorted.
    shown: Vec<usize>,
    choosing_file: bool,
    typed_path: Option<TypedPath>,
    /// What the last export did.
    notice: Option<Result<String, String>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Refresh,
    Read(Read<Invoice>),
    SortBy(SortBy),
    Export,
    ExportTo(Chosen),
    TypedPath(typed_path::Message),
    Exported(Result<String, String>),
    DismissNotice,
    ListError(ErrorAction),
}

pub type Action = super::Action<Message>;

impl State {
    pub fn new(copy: LocalCopy) -> State {
        State {
            invoices: Loaded::new(copy),
            totals: PayoutTotals::default(),
            sort: (SortBy::Created, false),
            shown: Vec::new(),
            choosing_file: false,
            typed_path: None,
            notice: None,
        }
    }

    pub fn visit(&self, client: &Client) -> Task<Message> {
        self.invoices.first_read(client).map(Message::Read)
    }

    pub fn copy_refreshed(&self, client: &Client) -> Task<Message> {
        self.invoices.read_again(client).map(Message::Read)
    }

    pub fn update(&mut self, message: Message, client: &Client) -> Action {
        match message {
            Message::Refresh | Message::ListError(ErrorAction::Retry) => {
                return Action::Run(self.invoices.read(client, true).map(Message::Read));
            }
            Message::Read(read) => {
                self.invoices.take(&read);
                self.totals = PayoutTotals::of(self.invoices.items());
                self.arrange();
            }
            Message::SortBy(column) => {
                self.sort = match self.sort {
                    (by, ascending) if by == column => (by, !ascending),
                    _ => (column, column == SortBy::Reference),
                };
                self.arrange();
            }
            Message::Export => {
                if self.choosing_file || self.typed_path.is_some() {
                    return Action::None;
                }
                self.choosing_file = true;
                return Action::Run(choose_file(suggested_name()).map(Message::ExportTo));
            }
            Message::ExportTo(chosen) => {
                self.choosing_file = false;
                match chosen {
                    // The dialog asked before replacing a file.
                    Chosen::Path(path) => return Action::Run(self.export(path, true)),
                    Chosen::Closed => {}
                    Chosen::NoDialog => {
                        let (panel, focus) =
                            TypedPath::open(file_dialog::typed_path_start(&suggested_name()));
                        self.typed_path = Some(panel);
                        return Action::Run(focus.map(Message::TypedPath));
                    }
                }
            }
            Message::TypedPath(message) => {
                let Some(panel) = &mut self.typed_path else {
                    return Action::None;
                };
                match panel.update(message) {
                    typed_path::Action::None => {}
                    typed_path::Action::Run(task) => {
                        return Action::Run(task.map(Message::TypedPath));
                    }
                    typed_path::Action::Cancelled => self.typed_path = None,
                    typed_path::Action::Chosen {
                        path,
                        replace_agreed,
                    } => {
                        self.typed_path = None;
                        return Action::Run(self.export(path, replace_agreed));
                    }
                }
            }
            Message::Exported(result) => self.notice = Some(result),
            Message::DismissNotice => self.notice = None,
            Message::ListError(ErrorAction::ReplaceToken) => return Action::ReplaceToken,
            Message::ListError(ErrorAction::Dismiss) => self.invoices.dismiss(),
        }
        Action::None
    }

    /// Writes the invoices, in the table's order, to `path` (off the window's thread).
    fn export(&self, path: PathBuf, replace: bool) -> Task<Message> {
        let invoices: Vec<Invoice> = self
            .shown
            .iter()
            .map(|&index| self.invoices.items()[index].clone())
            .collect();
        let count = invoices.len();
        Task::perform(
            off_the_window(move || {
                write_sheet_file(&invoice_sheet(&invoices), &path, replace)
                    .map(|()| tr!("payouts-exported", count = count, path = path.display()))
                    .map_err(|error| {
                        tr!(
                            "export-write-failed",
                            path = path.display(),
                            reason = error.to_string()
                        )
                    })
            }),
            Message::Exported,
        )
    }

    fn arrange(&mut self) {
        let invoices = self.invoices.items();
        let mut shown: Vec<usize> = (0..invoices.len()).collect();
        let (by, ascending) = self.sort;
        shown.sort_by(|&a, &b| {
            let (a, b) = (&invoices[a], &invoices[b]);
            let order = match by {
                SortBy::Reference => a.reference.cmp(&b.reference),
                SortBy::Amount => a
                    .amount
                    .unwrap_or_default()
                    .total_cmp(&b.amount.unwrap_or_default()),
                SortBy::Status => a.status.cmp(&b.status),
                SortBy::Created => a.created_at.cmp(&b.created_at),
            };
            if ascending { order } else { order.reverse() }
        });
        self.shown = shown;
    }

    pub fn view(&self) -> Element<'_, Message> {
        let toolbar = reading_row![
            filling(
                text(tr!("payouts-count", count = self.invoices.items().len())).style(theme::muted)
            ),
            button(text(tr!("refresh")))
                .style(button::secondary)
                .on_press(Message::Refresh),
            button(text(tr!("export-button"))).on_press_maybe(
                (!self.invoices.items().is_empty() && !self.choosing_file)
                    .then_some(Message::Export)
            ),
        ]
        .spacing(theme::GAP)
        .align_y(Center);
        let mut content = reading_column![toolbar].spacing(theme::GAP);
        if let Some(status) = self.invoices.status(Message::ListError) {
            content = content.push(status);
        }
        if let Some(notice) = &self.notice {
            let (sentence, style): (&String, fn(&iced::Theme) -> container::Style) = match notice {
                Ok(sentence) => (sentence, theme::notice_banner),
                Err(sentence) => (sentence, theme::error_banner),
            };
            content = content.push(
                container(
                    reading_row![
                        filling(text(sentence.as_str())),
                        button(text(tr!("dismiss")))
                            .style(button::secondary)
                            .on_press(Message::DismissNotice)
                    ]
                    .align_y(Center),
                )
                .padding(theme::PAD)
                .width(Fill)
                .style(style),
            );
        }
        content = content.push(self.status_totals());
        let body = reading_row![self.table(), self.months()].spacing(theme::GAP);
        let page: Element<'_, Message> = container(content.push(body)).padding(theme::PAD).into();
        match &self.typed_path {
            Some(panel) => panel.over(page, Message::TypedPath),
            None => page,
        }
    }

    /// One card per status: its amount and how many invoices.
    fn status_totals(&self) -> Element<'_, Message> {
        let mut cards = reading_row![].spacing(theme::GAP);
        for total in &self.totals.by_status {
            cards = cards.push(
                container(
                    reading_column![
                        reading_row![
                            container(text(status_label(&total.status)).size(12))
                                .padding([1, 8])
                                .style(theme::status_badge(&total.status)),
                            text(tr!("payouts-invoices", count = total.count))
                                .size(12)
                                .style(theme::muted),
                        ]
                        .spacing(6)
                        .align_y(Center),
                        text(money(total.amount)).size(20),
                    ]
                    .spacing(4),
                )
                .padding(theme::PAD)
                .style(theme::panel),
            );
        }
        cards = cards.push(
            container(
                reading_column![
                    text(tr!("payouts-all")).size(12).style(theme::muted),
                    text(money(self.totals.amount)).size(20),
                ]
                .spacing(4),
            )
            .padding(theme::PAD)
            .style(theme::panel),
        );
        scrollable(cards)
            .direction(scrollable::Direction::Horizontal(
                scrollable::Scrollbar::default(),
            ))
            .into()
    }

    fn table(&self) -> Element<'_, Message> {
        let invoices = self.invoices.items();
        if invoices.is_empty() {
            return center(text(tr!("loading"))).into();
        }
        let sorted = self.sort;
        let header = move |label: String, column: SortBy| {
            sort_header(label, column, sorted, Some(Message::SortBy(column)))
        };
        let plain = |label: String| text(label).font(crate::gui::fonts::BOLD);
        let invoice = move |index: &usize| &invoices[*index];
        let columns = [
            table::column(
                header(tr!("column-reference"), SortBy::Reference),
                move |index| text(invoice(index).reference.clone().unwrap_or_default()),
            ),
            table::column(header(tr!("column-amount"), SortBy::Amount), move |index| {
                text(invoice(index).amount.map(money).unwrap_or_default())
            }),
            table::column(header(tr!("column-status"), SortBy::Status), move |index| {
                let status = invoice(index).status.as_deref().unwrap_or("");
                container(text(status_label(status)).size(13))
                    .padding([1, 8])
                    .style(theme::status_badge(status))
            }),
            table::column(plain(tr!("column-payment-method")), move |index| {
                text(coded_label(
                    "payment",
                    invoice(index).payment_method.as_deref().unwrap_or(""),
                ))
            }),
            table::column(
                header(tr!("column-created"), SortBy::Created),
                move |index| text(local_time(invoice(index).created_at.as_deref())),
            ),
        ];
        table_view::scrolled(columns, &self.shown)
    }

    /// Each month: its invoices, their amount and what of it is paid.
    fn months(&self) -> Element<'_, Message> {
        let bold = |label: String| text(label).font(crate::gui::fonts::BOLD);
        let columns = [
            table::column(
                bold(tr!("column-month")),
                |month: &wedocod_core::seller::MonthTotal| text(month.month.clone()),
            ),
            table::column(
                bold(tr!("column-count")),
                |month: &wedocod_core::seller::MonthTotal| text(month.count),
            ),
            table::column(
                bold(tr!("column-amount")),
                |month: &wedocod_core::seller::MonthTotal| text(money(month.amount)),
            ),
            table::column(
                bold(tr!("column-paid")),
                |month: &wedocod_core::seller::MonthTotal| text(money(month.paid)),
            ),
        ];
        container(scrollable(
            reading_column![
                text(tr!("payouts-by-month")).size(16),
                table(table_columns(columns), &self.totals.by_month)
                    .padding_x(6)
                    .padding_y(3)
            ]
            .spacing(theme::GAP)
            .padding(theme::PAD),
        ))
        .width(Fill)
        .max_width(460)
        .height(Fill)
        .style(theme::panel)
        .into()
    }
}

/// `invoices-2026-12-06.xlsx`.
fn suggested_name() -> String {
    format!("invoices-{}.xlsx", chrono::Local::now().format("%Y-%m-%d"))
}

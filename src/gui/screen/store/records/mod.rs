//! The Leads and Orders screens: one page of records at a time, filters, a detail panel
//! with the status history, and bulk status changes and deletes. The same screen serves
//! both resources: the requests are `wedocod_core::records::requests`, the rows
//! `gui::record_rows`. Once the store's local copy is synced the pages come from it
//! (`wedocod_core::records::table_source`): no request, offline too, with filters by city,
//! product and dates and a sort by any column (click a column's title).

mod copy_filters;
pub mod export;
pub mod typed_path;

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use iced::widget::{
    button, center, checkbox, container, pick_list, scrollable, space, table, text, tooltip,
};
use iced::{Center, Element, Fill, Subscription, Task};

use crate::gui::direction::{filling, reading_column, reading_input, reading_row};
use crate::gui::file_dialog::{self, Chosen};
use crate::gui::record_rows::{self, RecordRow};
use crate::gui::shortcut::Shortcut;
use crate::gui::theme;
use crate::gui::widget::contact::{self, Customer, Reach};
use crate::gui::widget::customer_past;
use crate::gui::widget::dialog;
use crate::gui::widget::error_view::{self, ErrorAction, Remedy};
use crate::gui::widget::sort_header::sort_header;
use crate::gui::widget::status_history;
use crate::gui::widget::stock_warnings::{self, NamedWarnings};
use crate::gui::widget::table_view;
use crate::i18n::conventions::clock_time;
use crate::i18n::{status_label, tr};
use wedocod_api::pacing::deadline_after;
use wedocod_api::statuses::known_statuses;
use wedocod_api::wire::History;
use wedocod_api::{
    Action as ScopeAction, ApiError, Client, DeleteOutcome, ListQuery, Page, ResourceName, Scope,
    UpdateOutcome,
};
use wedocod_core::config::PAGE_SIZES;
use wedocod_core::copy::{Earlier, LocalCopy, SortColumn};
use wedocod_core::desk::contact::TemplateValues;
use wedocod_core::records::requests;
use wedocod_core::records::{CopyFilters, Source, TableFilter, read_record, read_table};
use wedocod_core::upload::catalogue_cache;

/// The search box, focused by Ctrl+F.
const SEARCH_ID: &str = "records-search";

/// A request the screen can send, kept so an error can send it again.
#[derive(Debug, Clone, PartialEq)]
enum Operation {
    Load,
    Detail(String),
    ChangeStatus(Vec<String>, String),
    Delete(Vec<String>),
}

/// An error on screen, and what retrying it would send.
#[derive(Debug, Clone)]
struct Problem {
    error: ApiError,
    retry: Option<Operation>,
    /// 429: when the automatic retry happens.
    retry_at: Option<Instant>,
}

/// A status in the bulk change menu: shown in the merchant's words, sent as its code.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StatusChoice(String);

impl fmt::Display for StatusChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&status_label(&self.0))
    }
}

/// The status filter's choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusFilter {
    All,
    Only(String),
}

impl fmt::Display for StatusFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusFilter::All => f.write_str(&tr!("all-statuses")),
            StatusFilter::Only(status) => f.write_str(&status_label(status)),
        }
    }
}

/// A record with its history and, from the local copy, its customer's past.
type Loaded = (RecordRow, Vec<History>, Option<Earlier>, NamedWarnings);

#[derive(Debug, Clone)]
struct Detail {
    reference: String,
    loaded: Option<Loaded>,
}

/// One resource's screen.
#[derive(Debug, Clone)]
pub struct State {
    resource: ResourceName,
    query: ListQuery,
    search: String,
    page: Option<Page<RecordRow>>,
    loading: bool,
    /// Answers to older requests are ignored.
    generation: u64,
    selected: BTreeSet<String>,
    detail: Option<Detail>,
    bulk_status: Option<String>,
    confirm_delete: bool,
    problem: Option<Problem>,
    notice: Option<String>,
    /// Scopes a 403 showed the token lacks: their actions are explained, not offered.
    denied: BTreeSet<String>,
    /// Whether the last request got an answer.
    reachable: Option<bool>,
    /// *Export…*, from its confirmation to its end.
    export: Option<export::Export>,
    /// The save dialog of *Export…* is open (a second Ctrl+E opens no second one).
    choosing_file: bool,
    /// Where to save the export, typed (no dialog opens on this desktop).
    typed_path: Option<typed_path::TypedPath>,
    /// The store's cache folder, whose saved catalogue names a record's products.
    caches: PathBuf,
    /// The store's local copy, which answers once synced.
    copy: LocalCopy,
    /// The filters and sort only the copy answers, and their inputs.
    filters: CopyFilters,
    filter_inputs: copy_filters::State,
    /// Where the page in view came from.
    source: Option<Source>,
    /// The next page is read from the store: the merchant just changed records the copy
    /// has only after its next sync.
    from_store_once: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(u64, Result<(Page<RecordRow>, Source), ApiError>),
    GoToPage(u64),
    NextPage,
    PreviousPage,
    PerPage(u64),
    StatusFilter(StatusFilter),
    SearchInput(String),
    SearchSubmit,
    FocusSearch,
    Refresh,
    /// The page read again (the copy changed, the language did): nothing sent.
    Reload,
    Toggle(String, bool),
    ToggleAll(bool),
    Open(String),
    DetailLoaded(String, Result<Box<Loaded>, ApiError>),
    /// A filter only the copy answers.
    CopyFilter(copy_filters::Message),
    /// A column's title clicked: sorted by it, or the other way when it already is.
    SortBy(SortColumn),
    /// What a dashboard chart shows: this status (or every one) and these filters.
    ShowFiltered(Option<String>, CopyFilters),
    CloseDetail,
    BulkStatus(String),
    ApplyStatus,
    StatusApplied(Result<UpdateOutcome, ApiError>),
    AskDelete,
    CancelDelete,
    ConfirmDelete,
    Deleted(Result<DeleteOutcome, ApiError>),
    Problem(ErrorAction),
    DismissNotice,
    Tick,
    /// *Export…*: the system's save dialog opens.
    AskExport,
    /// What the save dialog gave for the export (a file, nothing, or word that none opens).
    ExportTo(Chosen),
    /// The typed path offered when no dialog opens.
    TypedPath(typed_path::Message),
    Export(export::Message),
    /// Esc: the export's confirmation, then the delete confirmation, then the detail panel.
    Close,
    /// WhatsApp, a call or the phone copied, for the record in the detail panel.
    Reach(Reach),
}

/// The message a keyboard shortcut means on this screen, if any.
pub fn shortcut(pressed: Shortcut) -> Option<Message> {
    match pressed {
        Shortcut::PreviousPage => Some(Message::PreviousPage),
        Shortcut::NextPage => Some(Message::NextPage),
        Shortcut::Refresh => Some(Message::Refresh),
        Shortcut::Search => Some(Message::FocusSearch),
        Shortcut::Export => Some(Message::AskExport),
        Shortcut::Close => Some(Message::Close),
        _ => None,
    }
}

/// What the parent must do after an update.
pub enum Action {
    None,
    Run(Task<Message>),
    /// A 401: the token must be replaced.
    ReplaceToken,
    /// Reach the customer of the detail panel (the window knows the message template).
    Reach(Reach, Customer),
    /// The export ended (written, cancelled, refused): how, in a sentence.
    ExportEnded(String),
    /// The copy should be synced now (*Refresh*, or records were changed or deleted); the
    /// task reads the page meanwhile.
    SyncCopy(Task<Message>),
}

impl State {
    /// The table of `resource`, its first page requested, its detail panel naming products
    /// from the catalogue saved in the store's cache folder `caches`, its pages read from
    /// `copy` once synced.
    pub fn new(
        resource: ResourceName,
        per_page: u64,
        client: &Client,
        caches: PathBuf,
        copy: LocalCopy,
    ) -> (Self, Task<Message>) {
        let mut state = State {
            resource,
            query: ListQuery::page(1, per_page),
            search: String::new(),
            page: None,
            loading: false,
            generation: 0,
            selected: BTreeSet::new(),
            detail: None,
            bulk_status: None,
            confirm_delete: false,
            problem: None,
            notice: None,
            denied: BTreeSet::new(),
            reachable: None,
            export: None,
            choosing_file: false,
            typed_path: None,
            caches,
            copy,
            filters: CopyFilters::default(),
            filter_inputs: copy_filters::State::default(),
            source: None,
            from_store_once: false,
        };
        let task = state.perform(Operation::Load, client);
        (state, task)
    }

    pub fn resource(&self) -> ResourceName {
        self.resource
    }

    /// Whether the last request got an answer (`None`: nothing sent yet).
    pub fn reachable(&self) -> Option<bool> {
        self.reachable
    }

    fn pages(&self) -> u64 {
        self.page.as_ref().map_or(1, |page| page.pages.max(1))
    }

    fn perform(&mut self, operation: Operation, client: &Client) -> Task<Message> {
        let client = client.clone();
        let resource = self.resource;
        match operation {
            Operation::Load => {
                self.generation += 1;
                self.loading = true;
                let generation = self.generation;
                let query = self.query.clone();
                let (copy, filters) = (self.copy.clone(), self.filters.clone());
                let from_store = std::mem::take(&mut self.from_store_once);
                Task::perform(
                    async move {
                        read_table(&client, &copy, resource, &query, &filters, from_store)
                            .await
                            .map(|read| (record_rows::rows(read.page), read.source))
                    },
                    move |result| Message::Loaded(generation, result),
                )
            }
            Operation::Detail(reference) => {
                self.detail = Some(Detail {
                    reference: reference.clone(),
                    loaded: None,
                });
                let asked = reference.clone();
                let (caches, copy) = (self.caches.clone(), self.copy.clone());
                Task::perform(
                    async move {
                        let (record, history, earlier) =
                            read_record(&client, &copy, resource, &asked).await?;
                        let lookups = catalogue_cache::saved_lookups(caches, copy.clone()).await;
                        let warnings = stock_warnings::named(
                            &lookups.stock,
                            &lookups.names,
                            record.products(),
                        );
                        Ok(Box::new((
                            RecordRow::named(&record, &lookups.names),
                            history,
                            earlier,
                            warnings,
                        )))
                    },
                    move |result| Message::DetailLoaded(reference.clone(), result),
                )
            }
            Operation::ChangeStatus(references, status) => {
                self.loading = true;
                Task::perform(
                    async move { requests::change_status(&client, resource, references, &status).await },
                    Message::StatusApplied,
                )
            }
            Operation::Delete(references) => {
                self.loading = true;
                Task::perform(
                    async move { requests::delete(&client, resource, &references).await },
                    Message::Deleted,
                )
            }
        }
    }

    /// Records a failed request: what to show, what retrying would send, and (for a 403
    /// on an action) that the action is not allowed.
    fn fail(&mut self, operation: Operation, error: ApiError) -> Action {
        self.loading = false;
        self.reachable = Some(!matches!(error, ApiError::Transport { .. }));
        if let ApiError::Forbidden {
            scope: Some(scope), ..
        } = &error
        {
            self.denied.insert(scope.to_string());
        }
        if matches!(error, ApiError::Unauthenticated { .. }) {
            self.problem = Some(Problem {
                error,
                retry: None,
                retry_at: None,
            });
            return Action::None;
        }
        let retry_at = match &error {
            ApiError::RateLimited { retry_after, .. } => {
                Some(deadline_after(retry_after.unwrap_or(Duration::from_secs(1))).into_std())
            }
            _ => None,
        };
        let retry = matches!(
            error_view::remedy(&error),
            Remedy::Retry | Remedy::WaitThenRetry
        )
        .then_some(operation);
        self.problem = Some(Problem {
            error,
            retry,
            retry_at,
        });
        Action::None
    }

    fn succeed(&mut self) {
        self.loading = false;
        self.reachable = Some(true);
        self.problem = None;
    }

    fn reload(&mut self, client: &Client) -> Action {
        Action::Run(self.perform(Operation::Load, client))
    }

    pub fn update(&mut self, message: Message, client: &Client) -> Action {
        match message {
            Message::Loaded(generation, result) => self.loaded(generation, result),
            Message::GoToPage(page) => self.go_to_page(page, client),
            Message::NextPage => self.go_to_page(self.query.page + 1, client),
            Message::PreviousPage => self.go_to_page(self.query.page.saturating_sub(1), client),
            Message::PerPage(per_page) => {
                self.query.per_page = per_page;
                self.first_page(client)
            }
            Message::StatusFilter(filter) => self.filter_by_status(filter, client),
            Message::SearchInput(search) => self.quietly(|state| state.search = search),
            Message::SearchSubmit => self.submit_search(client),
            Message::FocusSearch => Action::Run(iced::widget::operation::focus(SEARCH_ID)),
            // The merchant asks for what is new: the page again, and the copy synced now.
            Message::Refresh => match self.reload(client) {
                Action::Run(task) => Action::SyncCopy(task),
                other => other,
            },
            Message::Reload => self.reload(client),
            Message::Toggle(reference, on) => self.quietly(|state| state.toggle(reference, on)),
            Message::ToggleAll(on) => self.quietly(|state| state.toggle_all(on)),
            Message::Open(reference) => {
                Action::Run(self.perform(Operation::Detail(reference), client))
            }
            Message::DetailLoaded(reference, result) => self.detail_loaded(reference, result),
            Message::CopyFilter(message) => {
                match self.filter_inputs.update(message, &self.filters) {
                    copy_filters::Action::None => Action::None,
                    copy_filters::Action::Apply(filters) => {
                        self.filters = filters;
                        self.first_page(client)
                    }
                }
            }
            Message::ShowFiltered(status, filters) => {
                self.query.status = status;
                self.query.search = None;
                self.search.clear();
                self.filter_inputs = copy_filters::State::showing(&filters);
                self.filters = filters;
                self.first_page(client)
            }
            Message::SortBy(column) => {
                // A new column starts smallest (or oldest) first; the same one turns over.
                self.filters.ascending = self.filters.sort != column || !self.filters.ascending;
                self.filters.sort = column;
                self.first_page(client)
            }
            Message::CloseDetail => self.quietly(|state| state.detail = None),
            Message::Reach(how) => match self
                .detail
                .as_ref()
                .and_then(|detail| detail.loaded.as_ref())
            {
                Some((row, ..)) => Action::Reach(how, customer_of(row)),
                None => Action::None,
            },
            Message::BulkStatus(status) => self.quietly(|state| state.bulk_status = Some(status)),
            Message::ApplyStatus => match self.status_change() {
                Some(operation) => Action::Run(self.perform(operation, client)),
                None => Action::None,
            },
            Message::StatusApplied(result) => self.status_applied(result, client),
            Message::AskDelete => {
                self.quietly(|state| state.confirm_delete = !state.selected.is_empty())
            }
            Message::CancelDelete => self.quietly(|state| state.confirm_delete = false),
            Message::ConfirmDelete => {
                self.confirm_delete = false;
                let operation = Operation::Delete(self.selected.iter().cloned().collect());
                Action::Run(self.perform(operation, client))
            }
            Message::Deleted(result) => self.deleted(result, client),
            Message::Problem(action) => self.problem_action(action, client),
            Message::DismissNotice => self.quietly(|state| state.notice = None),
            Message::Tick if self.retry_is_due() => self.problem_action(ErrorAction::Retry, client),
            Message::Tick => Action::None,
            Message::AskExport => self.ask_export(),
            Message::ExportTo(chosen) => self.export_to(chosen, client),
            Message::TypedPath(message) => self.update_typed_path(message, client),
            Message::Export(message) => self.update_export(message, client),
            Message::Close => self.close_topmost(client),
        }
    }

    fn close_topmost(&mut self, client: &Client) -> Action {
        if self.typed_path.is_some() {
            return self.quietly(|state| state.typed_path = None);
        }
        if self
            .export
            .as_ref()
            .is_some_and(export::Export::is_confirming)
        {
            return self.update_export(export::Message::Cancel, client);
        }
        if self.confirm_delete {
            return self.quietly(|state| state.confirm_delete = false);
        }
        self.quietly(|state| state.detail = None)
    }

    /// What *Export…* writes: the filter and search of the page in view.
    fn table_filter(&self) -> TableFilter {
        TableFilter {
            kind: self.resource,
            status: self.query.status.clone(),
            search: self.query.search.clone(),
        }
    }

    fn ask_export(&mut self) -> Action {
        let busy = self.export.is_some() || self.choosing_file || self.typed_path.is_some();
        if busy || self.page.is_none() {
            return Action::None;
        }
        self.choosing_file = true;
        Action::Run(
            export::choose_file(export::suggested_name(&self.table_filter()))
                .map(Message::ExportTo),
        )
    }

    fn export_to(&mut self, chosen: Chosen, client: &Client) -> Action {
        self.choosing_file = false;
        match chosen {
            Chosen::Path(path) => {
                self.confirm_export(path, true, client);
                Action::None
            }
            Chosen::Closed => Action::None,
            Chosen::NoDialog => {
                let start =
                    file_dialog::typed_path_start(&export::suggested_name(&self.table_filter()));
                let (panel, focus) = typed_path::TypedPath::open(start);
                self.typed_path = Some(panel);
                Action::Run(focus.map(Message::TypedPath))
            }
        }
    }

    fn update_typed_path(&mut self, message: typed_path::Message, client: &Client) -> Action {
        let Some(panel) = &mut self.typed_path else {
            return Action::None;
        };
        match panel.update(message) {
            typed_path::Action::None => Action::None,
            typed_path::Action::Run(task) => Action::Run(task.map(Message::TypedPath)),
            typed_path::Action::Cancelled => self.quietly(|state| state.typed_path = None),
            typed_path::Action::Chosen {
                path,
                replace_agreed,
            } => {
                self.typed_path = None;
                self.confirm_export(path, replace_agreed, client);
                Action::None
            }
        }
    }

    /// The export's confirmation, for `path`.
    fn confirm_export(&mut self, path: PathBuf, replace_agreed: bool, client: &Client) {
        if self.export.is_some() {
            return;
        }
        let rows = self.page.as_ref().map_or(0, |page| page.total);
        self.export = Some(export::Export::confirm(
            self.table_filter(),
            path,
            replace_agreed,
            rows,
            client.rate_budget(),
        ));
    }

    fn update_export(&mut self, message: export::Message, client: &Client) -> Action {
        let Some(export) = &mut self.export else {
            return Action::None;
        };
        match export.update(message, client) {
            export::Action::None => Action::None,
            export::Action::Run(task) => Action::Run(task.map(Message::Export)),
            export::Action::Closed => self.quietly(|state| state.export = None),
            export::Action::Done(sentence) | export::Action::Stopped(sentence) => {
                self.export = None;
                self.notice = Some(sentence.clone());
                Action::ExportEnded(sentence)
            }
            export::Action::Refused(error) => {
                let sentence = error_view::describe(&error, None);
                self.export = None;
                self.problem = Some(Problem {
                    error,
                    retry: None,
                    retry_at: None,
                });
                Action::ExportEnded(sentence)
            }
        }
    }

    /// A change of what is on screen that sends nothing.
    fn quietly(&mut self, change: impl FnOnce(&mut Self)) -> Action {
        change(self);
        Action::None
    }

    /// A page arrived; answers to a request older than the newest are dropped.
    fn loaded(
        &mut self,
        generation: u64,
        result: Result<(Page<RecordRow>, Source), ApiError>,
    ) -> Action {
        if generation != self.generation {
            return Action::None;
        }
        match result {
            Ok((page, source)) => {
                // A page from the copy says nothing of the network.
                let reachable = self.reachable;
                self.succeed();
                if source != Source::Store {
                    self.reachable = reachable;
                }
                self.page = Some(page);
                self.source = Some(source);
                Action::None
            }
            Err(error) => self.fail(Operation::Load, error),
        }
    }

    fn filter_by_status(&mut self, filter: StatusFilter, client: &Client) -> Action {
        self.query.status = match filter {
            StatusFilter::All => None,
            StatusFilter::Only(status) => Some(status),
        };
        self.first_page(client)
    }

    fn submit_search(&mut self, client: &Client) -> Action {
        let search = self.search.trim();
        self.query.search = (!search.is_empty()).then(|| search.to_string());
        self.first_page(client)
    }

    fn toggle(&mut self, reference: String, on: bool) {
        if on {
            self.selected.insert(reference);
        } else {
            self.selected.remove(&reference);
        }
    }

    fn status_applied(
        &mut self,
        result: Result<UpdateOutcome, ApiError>,
        client: &Client,
    ) -> Action {
        match result {
            Ok(outcome) => {
                self.notice = Some(tr!(
                    "status-changed",
                    count = outcome.records.len(),
                    fields = outcome.updated_fields.join(", ")
                ));
                self.bulk_done(client)
            }
            Err(error) => {
                let operation = Operation::ChangeStatus(
                    self.selected.iter().cloned().collect(),
                    self.bulk_status.clone().unwrap_or_default(),
                );
                self.fail(operation, error)
            }
        }
    }

    fn deleted(&mut self, result: Result<DeleteOutcome, ApiError>, client: &Client) -> Action {
        match result {
            Ok(outcome) => {
                self.notice = Some(tr!("deleted", count = outcome.count));
                if self
                    .detail
                    .as_ref()
                    .is_some_and(|d| self.selected.contains(&d.reference))
                {
                    self.detail = None;
                }
                self.bulk_done(client)
            }
            Err(error) => {
                let operation = Operation::Delete(self.selected.iter().cloned().collect());
                self.fail(operation, error)
            }
        }
    }

    /// The merchant's answer to an error on screen.
    fn problem_action(&mut self, action: ErrorAction, client: &Client) -> Action {
        match action {
            ErrorAction::ReplaceToken => Action::ReplaceToken,
            ErrorAction::Retry => match self.problem.take().and_then(|p| p.retry) {
                Some(operation) => Action::Run(self.perform(operation, client)),
                None => Action::None,
            },
            ErrorAction::Dismiss => self.quietly(|state| state.problem = None),
        }
    }

    fn go_to_page(&mut self, page: u64, client: &Client) -> Action {
        let page = page.clamp(1, self.pages());
        if page == self.query.page && self.page.is_some() {
            return Action::None;
        }
        self.query.page = page;
        self.reload(client)
    }

    /// A new filter, search or page size starts again from the first page.
    fn first_page(&mut self, client: &Client) -> Action {
        self.query.page = 1;
        self.reload(client)
    }

    /// Ticks or unticks every row of the page in view.
    fn toggle_all(&mut self, on: bool) {
        let visible = self
            .page
            .iter()
            .flat_map(|page| &page.items)
            .map(|row| row.reference.clone());
        if on {
            self.selected.extend(visible);
        } else {
            for reference in visible {
                self.selected.remove(&reference);
            }
        }
    }

    fn detail_loaded(
        &mut self,
        reference: String,
        result: Result<Box<Loaded>, ApiError>,
    ) -> Action {
        match (&mut self.detail, result) {
            (Some(detail), Ok(loaded)) if detail.reference == reference => {
                detail.loaded = Some(*loaded);
                self.succeed();
            }
            (Some(detail), Err(error)) if detail.reference == reference => {
                self.detail = None;
                return self.fail(Operation::Detail(reference), error);
            }
            _ => {}
        }
        Action::None
    }

    /// The status change the merchant asked for, when rows are ticked and a status chosen.
    fn status_change(&self) -> Option<Operation> {
        let status = self.bulk_status.as_ref()?;
        (!self.selected.is_empty()).then(|| {
            Operation::ChangeStatus(self.selected.iter().cloned().collect(), status.clone())
        })
    }

    /// A bulk change or delete went through: the ticks go, the page is read again from
    /// the store, and the copy is synced.
    fn bulk_done(&mut self, client: &Client) -> Action {
        self.succeed();
        self.selected.clear();
        self.from_store_once = true;
        Action::SyncCopy(self.perform(Operation::Load, client))
    }

    /// Whether the page in view came from the local copy.
    fn reads_copy(&self) -> bool {
        matches!(self.source, Some(Source::Copy { .. }))
    }

    /// Whether a 429's countdown has run out.
    fn retry_is_due(&self) -> bool {
        self.problem
            .as_ref()
            .and_then(|problem| problem.retry_at)
            .is_some_and(|at| Instant::now() >= at)
    }

    /// A one-second tick while a 429 countdown runs.
    pub fn subscription(&self) -> Subscription<Message> {
        if self.problem.as_ref().is_some_and(|p| p.retry_at.is_some()) {
            iced::time::every(Duration::from_secs(1)).map(|_| Message::Tick)
        } else {
            Subscription::none()
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut content = reading_column![self.toolbar()].spacing(theme::GAP);
        if let Some(Source::Copy { synced_at }) = &self.source {
            content = content.push(self.filter_inputs.view().map(Message::CopyFilter));
            let time = clock_time(synced_at).unwrap_or_default();
            content = content.push(
                text(tr!("table-from-copy", time = time))
                    .size(13)
                    .style(theme::muted),
            );
        }
        if let Some(banner) = self.export.as_ref().and_then(export::Export::banner) {
            content = content.push(banner.map(Message::Export));
        }
        if let Some(problem) = &self.problem {
            let seconds_left = problem.retry_at.map(|at| {
                at.saturating_duration_since(Instant::now())
                    .as_secs_f64()
                    .ceil() as u64
            });
            content = content.push(error_view::view(
                &problem.error,
                seconds_left,
                Message::Problem,
            ));
        }
        if let Some(notice) = &self.notice {
            content = content.push(crate::gui::widget::notice::banner(
                [notice.as_str()],
                Message::DismissNotice,
            ));
        }
        let mut body = reading_row![self.table()].spacing(theme::GAP).height(Fill);
        if let Some(detail) = &self.detail {
            body = body.push(self.detail_panel(detail));
        }
        content = content.push(body);
        if !self.selected.is_empty() {
            content = content.push(self.bulk_bar());
        }
        content = content.push(self.pager());
        let screen: Element<'_, Message> = container(content).padding(theme::PAD).into();
        if let Some(panel) = &self.typed_path {
            return panel.over(screen, Message::TypedPath);
        }
        if let Some(export) = self.export.as_ref().filter(|e| e.is_confirming()) {
            return export.over(screen, Message::Export);
        }
        if self.confirm_delete {
            dialog::confirm(
                screen,
                tr!("confirm-delete-title"),
                tr!("confirm-delete-body", count = self.selected.len()),
                Message::CancelDelete,
                Message::ConfirmDelete,
            )
        } else {
            screen
        }
    }

    fn toolbar(&self) -> Element<'_, Message> {
        let mut filters = vec![StatusFilter::All];
        filters.extend(
            known_statuses(self.resource)
                .iter()
                .map(|s| StatusFilter::Only(s.to_string())),
        );
        let current = self
            .query
            .status
            .clone()
            .map_or(StatusFilter::All, StatusFilter::Only);
        reading_row![
            reading_input(&tr!("search-placeholder"), &self.search)
                .id(SEARCH_ID)
                .on_input(Message::SearchInput)
                .on_submit(Message::SearchSubmit)
                .width(Fill),
            pick_list(filters, Some(current), Message::StatusFilter),
            button(text(tr!("refresh"))).on_press(Message::Refresh),
            tooltip(
                button(text(tr!("export-button"))).on_press_maybe(
                    (self.export.is_none() && self.page.is_some()).then_some(Message::AskExport)
                ),
                container(text(tr!("export-hint")).size(13))
                    .padding(6)
                    .style(container::rounded_box),
                tooltip::Position::Bottom,
            ),
            text(tr!("per-page")),
            pick_list(PAGE_SIZES, Some(self.query.per_page), Message::PerPage),
        ]
        .spacing(theme::GAP)
        .align_y(Center)
        .into()
    }

    fn table(&self) -> Element<'_, Message> {
        let Some(page) = &self.page else {
            return center(text(tr!("loading"))).into();
        };
        if page.items.is_empty() {
            return center(text(tr!("no-records"))).into();
        }
        let all_selected = page
            .items
            .iter()
            .all(|row| self.selected.contains(&row.reference));
        let sortable = self.reads_copy();
        let sorted = (self.filters.sort, self.filters.ascending);
        let header = move |label: String, column: SortColumn| -> Element<'_, Message> {
            sort_header(
                label,
                column,
                sorted,
                sortable.then_some(Message::SortBy(column)),
            )
        };
        let columns = [
            table::column(
                checkbox(all_selected).on_toggle(Message::ToggleAll),
                |row: &RecordRow| {
                    let reference = row.reference.clone();
                    checkbox(self.selected.contains(&row.reference))
                        .on_toggle(move |on| Message::Toggle(reference.clone(), on))
                },
            ),
            table::column(
                header(tr!("column-reference"), SortColumn::Reference),
                |row: &RecordRow| {
                    button(text(&row.reference))
                        .style(button::text)
                        .padding(0)
                        .on_press(Message::Open(row.reference.clone()))
                },
            ),
            table::column(
                header(tr!("column-customer"), SortColumn::Customer),
                |row: &RecordRow| text(&row.customer),
            ),
            table::column(
                header(tr!("column-phone"), SortColumn::Phone),
                |row: &RecordRow| text(&row.phone),
            ),
            table::column(
                header(tr!("column-city"), SortColumn::City),
                |row: &RecordRow| text(&row.city),
            ),
            table::column(
                text(tr!("column-products")).font(crate::gui::fonts::BOLD),
                |row: &RecordRow| text(&row.products),
            ),
            table::column(
                header(tr!("column-total"), SortColumn::Total),
                |row: &RecordRow| text(&row.total),
            ),
            table::column(
                header(tr!("column-status"), SortColumn::Status),
                |row: &RecordRow| status_badge(row),
            ),
            table::column(
                header(tr!("column-created"), SortColumn::Created),
                |row: &RecordRow| text(&row.created),
            ),
        ];
        table_view::scrolled(columns, &page.items)
    }

    fn detail_panel<'a>(&'a self, detail: &'a Detail) -> Element<'a, Message> {
        let mut content = reading_column![
            reading_row![
                filling(text(tr!("details")).size(18)),
                button(text(tr!("close")))
                    .style(button::secondary)
                    .on_press(Message::CloseDetail)
            ]
            .align_y(Center)
        ]
        .spacing(theme::GAP);
        match &detail.loaded {
            None => content = content.push(text(tr!("loading"))),
            Some((row, history, earlier, warnings)) => {
                if customer_of(row).reachable().is_some() {
                    content = content.push(contact::buttons(true, false, Message::Reach));
                }
                if let Some(lines) = stock_warnings::lines(warnings) {
                    content = content.push(lines);
                }
                if let Some(earlier) = earlier.as_ref().filter(|e| !e.is_empty()) {
                    content = content.push(reading_column![
                        text(tr!("customer-past-title"))
                            .size(12)
                            .style(theme::muted),
                        customer_past::lines(earlier)
                    ]);
                }
                for (label, value) in &row.fields {
                    content = content.push(reading_column![
                        text(label).size(12).style(theme::muted),
                        text(value)
                    ]);
                }
                content = content.push(status_history::lines(history));
            }
        }
        container(scrollable(content.padding(theme::PAD)))
            .width(360)
            .height(Fill)
            .style(theme::panel)
            .into()
    }

    /// The explanation for an action the token is known not to allow.
    fn denial(&self, action: ScopeAction) -> Option<String> {
        let scope = Scope::new(action, self.resource).to_string();
        self.denied
            .contains(&scope)
            .then(|| tr!("action-needs-scope", scope = scope))
    }

    fn bulk_bar(&self) -> Element<'_, Message> {
        let statuses: Vec<StatusChoice> = known_statuses(self.resource)
            .iter()
            .map(|status| StatusChoice(status.to_string()))
            .collect();
        let update_denied = self.denial(ScopeAction::Update);
        let delete_denied = self.denial(ScopeAction::Delete);
        let apply = button(text(tr!("apply"))).on_press_maybe(
            (self.bulk_status.is_some() && update_denied.is_none() && !self.loading)
                .then_some(Message::ApplyStatus),
        );
        let delete = button(text(tr!("delete")))
            .style(button::danger)
            .on_press_maybe(
                (delete_denied.is_none() && !self.loading).then_some(Message::AskDelete),
            );
        let mut bar = reading_column![
            reading_row![
                text(tr!("selected-count", count = self.selected.len())),
                space().width(Fill),
                pick_list(
                    statuses,
                    self.bulk_status.clone().map(StatusChoice),
                    |choice| Message::BulkStatus(choice.0)
                )
                .placeholder(tr!("change-status-to")),
                apply,
                delete,
            ]
            .spacing(theme::GAP)
            .align_y(Center)
        ];
        for explanation in [update_denied, delete_denied].into_iter().flatten() {
            bar = bar.push(text(explanation).size(13).style(text::danger));
        }
        container(bar.spacing(4))
            .padding(theme::PAD)
            .width(Fill)
            .style(theme::panel)
            .into()
    }

    fn pager(&self) -> Element<'_, Message> {
        let page = self.query.page;
        let pages = self.pages();
        let total = self.page.as_ref().map_or(0, |p| p.total);
        let enabled =
            |allowed: bool, message: Message| (allowed && !self.loading).then_some(message);
        let status = if self.loading {
            tr!("loading")
        } else {
            tr!("page-of", page = page, pages = pages, total = total)
        };
        reading_row![
            button(text(tr!("first-page"))).on_press_maybe(enabled(page > 1, Message::GoToPage(1))),
            button(text(tr!("previous-page")))
                .on_press_maybe(enabled(page > 1, Message::PreviousPage)),
            text(status),
            button(text(tr!("next-page"))).on_press_maybe(enabled(page < pages, Message::NextPage)),
            button(text(tr!("last-page")))
                .on_press_maybe(enabled(page < pages, Message::GoToPage(pages))),
        ]
        .spacing(theme::GAP)
        .align_y(Center)
        .into()
    }
}

fn status_badge(row: &RecordRow) -> Element<'_, Message> {
    container(text(&row.status_label).size(13))
        .padding([2, 8])
        .style(theme::status_badge(&row.status))
        .into()
}

/// The customer of a record, for WhatsApp and calls.
fn customer_of(row: &RecordRow) -> Customer {
    Customer {
        phone: row.phone.clone(),
        values: TemplateValues {
            name: row.customer.clone(),
            products: row.products.clone(),
            total: row.total.clone(),
            city: row.city.clone(),
        },
    }
}

//! A seller list on a tab: read whole from the local copy when a sync has read it, else
//! from the store (`wedocod_core::seller::read_list`), with the line that says where it
//! came from, and the error banner when it could not be read (a missing scope named).

use std::sync::Arc;

use iced::widget::text;
use iced::{Element, Task};

use crate::gui::theme;
use crate::gui::widget::error_view::{self, ErrorAction};
use crate::i18n::conventions::clock_time;
use crate::i18n::tr;
use wedocod_api::seller::Listed;
use wedocod_api::{ApiError, Client};
use wedocod_core::copy::LocalCopy;
use wedocod_core::records::Source;
use wedocod_core::seller::{SellerList, read_list};

/// What a read of the list answered (shared: messages are cloned).
pub type Read<T> = Arc<Result<SellerList<T>, ApiError>>;

#[derive(Debug)]
pub struct Loaded<T> {
    items: Arc<Vec<T>>,
    source: Option<Source>,
    error: Option<ApiError>,
    copy: LocalCopy,
}

impl<T: Listed> Loaded<T> {
    /// Nothing read yet, from `copy` or its store.
    pub fn new(copy: LocalCopy) -> Loaded<T> {
        Loaded {
            items: Arc::new(Vec::new()),
            source: None,
            error: None,
            copy,
        }
    }

    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// Read once, from one source or the other.
    pub fn is_read(&self) -> bool {
        self.source.is_some()
    }

    /// Reads the list: from the store when `from_store`, else from the copy if it holds it.
    pub fn read(&self, client: &Client, from_store: bool) -> Task<Read<T>> {
        let (client, copy) = (client.clone(), self.copy.clone());
        Task::perform(
            async move { Arc::new(read_list::<T>(&client, &copy, from_store).await) },
            std::convert::identity,
        )
    }

    /// On a visit to its tab: read once, then only when asked (or when the copy was synced).
    pub fn first_read(&self, client: &Client) -> Task<Read<T>> {
        if self.is_read() {
            Task::none()
        } else {
            self.read(client, false)
        }
    }

    /// The copy was synced: a list read before is read from it again.
    pub fn read_again(&self, client: &Client) -> Task<Read<T>> {
        if self.is_read() {
            self.read(client, false)
        } else {
            Task::none()
        }
    }

    /// Takes what a read answered; an error keeps the items shown before.
    pub fn take(&mut self, read: &Read<T>) {
        match read.as_ref() {
            Ok(list) => {
                self.items = Arc::new(list.items.clone());
                self.source = Some(list.source.clone());
                self.error = None;
            }
            Err(error) => self.error = Some(error.clone()),
        }
    }

    pub fn dismiss(&mut self) {
        self.error = None;
    }

    /// The error banner alone (a list read beside another, whose source line says it).
    pub fn problem<'a, Message: Clone + 'a>(
        &self,
        on_error: impl Fn(ErrorAction) -> Message,
    ) -> Option<Element<'a, Message>> {
        self.error
            .as_ref()
            .map(|error| error_view::view(error, None, on_error))
    }

    /// "From the local copy, synced 09:14", or the error with its remedy's buttons.
    pub fn status<'a, Message: Clone + 'a>(
        &self,
        on_error: impl Fn(ErrorAction) -> Message,
    ) -> Option<Element<'a, Message>> {
        if let Some(error) = &self.error {
            return Some(error_view::view(error, None, on_error));
        }
        match &self.source {
            Some(Source::Copy { synced_at }) => {
                let time = clock_time(synced_at).unwrap_or_default();
                Some(
                    text(tr!("table-from-copy", time = time))
                        .size(13)
                        .style(theme::muted)
                        .into(),
                )
            }
            Some(Source::Store) | None => None,
        }
    }
}

//! One presentation for every [`ApiError`], on every screen: what happened in words a
//! merchant understands, and the one thing to do about it (replace the token, retry, or
//! wait for the automatic retry of a 429).

use iced::widget::{button, container, space, text};
use iced::{Element, Fill};

pub use crate::i18n::api_error::{describe, describe_profile_error};
use wedocod_api::ApiError;

use crate::gui::direction::{filling, reading_row};
use crate::gui::theme;
use crate::i18n::tr;

/// What the merchant can do about an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// 401: paste a new token.
    ReplaceToken,
    /// 5xx, network: try again.
    Retry,
    /// 429: the screen retries by itself when the wait is over.
    WaitThenRetry,
    /// Nothing to retry (404, 403, 422…): read and dismiss.
    Acknowledge,
}

/// What the error view's buttons ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorAction {
    Retry,
    ReplaceToken,
    Dismiss,
}

/// The remedy of an error.
pub fn remedy(error: &ApiError) -> Remedy {
    match error {
        ApiError::Unauthenticated { .. } => Remedy::ReplaceToken,
        ApiError::RateLimited { .. } => Remedy::WaitThenRetry,
        ApiError::Server { .. } | ApiError::Transport { .. } | ApiError::Undecodable { .. } => {
            Remedy::Retry
        }
        _ => Remedy::Acknowledge,
    }
}

/// The error banner with its buttons.
pub fn view<'a, Message: Clone + 'a>(
    error: &ApiError,
    seconds_left: Option<u64>,
    on_action: impl Fn(ErrorAction) -> Message,
) -> Element<'a, Message> {
    let mut actions = reading_row![].spacing(theme::GAP);
    match remedy(error) {
        Remedy::ReplaceToken => {
            actions = actions.push(
                button(text(tr!("replace-token"))).on_press(on_action(ErrorAction::ReplaceToken)),
            );
        }
        Remedy::Retry => {
            actions =
                actions.push(button(text(tr!("retry"))).on_press(on_action(ErrorAction::Retry)));
        }
        Remedy::WaitThenRetry | Remedy::Acknowledge => {}
    }
    actions = actions.push(
        button(text(tr!("dismiss")))
            .style(button::secondary)
            .on_press(on_action(ErrorAction::Dismiss)),
    );
    container(
        reading_row![
            filling(text(describe(error, seconds_left))),
            space().width(theme::GAP),
            actions
        ]
        .align_y(iced::Center),
    )
    .padding(theme::PAD)
    .width(Fill)
    .style(theme::error_banner)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use wedocod_api::{Action, ResourceName, Scope};

    #[test]
    fn each_error_gets_its_remedy_and_words() {
        let forbidden = ApiError::Forbidden {
            scope: Some(Scope::new(Action::Delete, ResourceName::Leads)),
            message: String::new(),
        };
        assert!(describe(&forbidden, None).contains("\"delete leads\""));
        assert_eq!(remedy(&forbidden), Remedy::Acknowledge);
        let limited = ApiError::RateLimited {
            retry_after: Some(Duration::from_secs(12)),
            message: String::new(),
        };
        assert!(describe(&limited, None).contains("12 s"));
        assert!(describe(&limited, Some(3)).contains("3 s"));
        assert_eq!(remedy(&limited), Remedy::WaitThenRetry);
        let unauthenticated = ApiError::Unauthenticated {
            message: String::new(),
        };
        assert_eq!(remedy(&unauthenticated), Remedy::ReplaceToken);
        let html = ApiError::Undecodable {
            status: 200,
            excerpt: "<html>".into(),
        };
        assert!(describe(&html, None).contains("HTTP 200"));
    }
}

//! Reaching a customer, from the confirmation desk and from a lead's or order's detail
//! panel alike: WhatsApp on the number's international form with the merchant's message,
//! a call through the system's `tel:` handler, or the number on the clipboard.

use std::sync::LazyLock;

use iced::widget::{button, text};
use iced::{Element, Task};

use crate::gui::desktop::Desktop;
use crate::gui::direction::reading_row;
use crate::gui::theme;
use crate::i18n::tr;
use wedocod_core::config::Config;
use wedocod_core::desk::contact::{Reachable, TemplateValues, fill};
use wedocod_import::PhoneRules;

/// How to reach the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    WhatsApp,
    Call,
    CopyPhone,
}

/// Who to reach: the phone as the store has it, and what the message template says of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub phone: String,
    pub values: TemplateValues,
}

/// The phone rules of the region the console sells in, built once: the desk and the detail
/// panels ask on every frame whether their phone can be reached.
static HOME_REGION: LazyLock<Option<PhoneRules>> =
    LazyLock::new(|| PhoneRules::new(wedocod_import::DEFAULT_PHONE_REGION));

impl Customer {
    /// The phone in international form, when it is a number the checker accepts.
    pub fn reachable(&self) -> Option<Reachable> {
        Reachable::of(&self.phone, HOME_REGION.as_ref()?)
    }
}

/// The task that reaches `customer` through `desktop`: `opened` hears whether the system
/// could open the link. `None` when the phone is not a number.
pub fn reach<M: Send + 'static>(
    how: Reach,
    customer: &Customer,
    template: &str,
    desktop: &Desktop,
    opened: fn(Result<(), String>) -> M,
) -> Option<Task<M>> {
    let reachable = customer.reachable()?;
    let link = match how {
        Reach::CopyPhone => return Some(iced::clipboard::write(reachable.international())),
        Reach::WhatsApp => reachable.whatsapp(&fill(template, &customer.values)),
        Reach::Call => reachable.call(),
    };
    Some(desktop.open(link, opened))
}

/// The merchant's WhatsApp message: theirs, or the default of the language spoken.
pub fn whatsapp_template(config: &Config) -> String {
    config
        .whatsapp_template
        .clone()
        .unwrap_or_else(|| tr!("desk-whatsapp-template"))
}

/// *WhatsApp (W)*, *Call (C)* and *Copy phone (P)* (*Copied* once it was), pressable when the
/// phone is a number.
pub fn buttons<'a, M: Clone + 'a>(
    reachable: bool,
    copied: bool,
    on_reach: impl Fn(Reach) -> M,
) -> Element<'a, M> {
    let press = |how| reachable.then(|| on_reach(how));
    let copy = if copied {
        tr!("desk-copied")
    } else {
        tr!("desk-copy-phone")
    };
    reading_row![
        button(text(tr!("desk-whatsapp"))).on_press_maybe(press(Reach::WhatsApp)),
        button(text(tr!("desk-call")))
            .style(button::secondary)
            .on_press_maybe(press(Reach::Call)),
        button(text(copy))
            .style(button::secondary)
            .on_press_maybe(press(Reach::CopyPhone)),
    ]
    .spacing(theme::GAP)
    .wrap()
    .into()
}

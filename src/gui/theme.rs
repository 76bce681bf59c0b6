//! The console's look: a light and a dark theme built from one brand palette, and one
//! style function per kind of element (status badges, banners, panels), so screens
//! never pick colours themselves.

use iced::widget::{container, text};
use iced::{Background, Border, Color, Theme, color, theme::Palette};

use wedocod_core::config::ThemeChoice;
use wedocod_core::seller::StockMark;

/// The next theme when the merchant presses the theme button.
pub fn toggled(choice: ThemeChoice) -> ThemeChoice {
    match choice {
        ThemeChoice::Dark => ThemeChoice::Light,
        ThemeChoice::Light | ThemeChoice::System => ThemeChoice::Dark,
    }
}

/// The iced theme of a choice. `System` is light: iced's system detection would add a
/// D-Bus dependency on Linux for one setting.
pub fn theme(choice: ThemeChoice) -> Theme {
    match choice {
        ThemeChoice::Light | ThemeChoice::System => Theme::custom(
            "WedoCOD Light",
            Palette {
                background: color!(0xf7f8fa),
                text: color!(0x1d2430),
                primary: color!(0x1f6feb),
                success: color!(0x1a7f37),
                warning: color!(0xb26a00),
                danger: color!(0xcf222e),
            },
        ),
        ThemeChoice::Dark => Theme::custom(
            "WedoCOD Dark",
            Palette {
                background: color!(0x161b22),
                text: color!(0xe6edf3),
                primary: color!(0x4493f8),
                success: color!(0x3fb950),
                warning: color!(0xd29922),
                danger: color!(0xf85149),
            },
        ),
    }
}

/// Spacing steps used everywhere.
pub const GAP: f32 = 8.0;
pub const PAD: f32 = 12.0;

/// The hue of a status: known statuses get a meaning, unknown ones stay neutral.
fn status_color(status: &str, theme: &Theme) -> Color {
    let palette = theme.extended_palette();
    match status {
        "new" | "pending" => palette.primary.base.color,
        "confirmed" | "delivered" | "paid" | "completed" => palette.success.base.color,
        "no_reply" | "call_later" | "returned" | "processing" | "in_progress" => {
            palette.warning.base.color
        }
        "cancelled" | "canceled" | "wrong_number" | "duplicate" | "rejected" => {
            palette.danger.base.color
        }
        "shipped" => color!(0x8250df),
        _ => palette.background.strong.color,
    }
}

/// A coloured pill behind a status name.
pub fn status_badge(status: &str) -> impl Fn(&Theme) -> container::Style + '_ {
    move |theme| pill(status_color(status, theme), theme)
}

/// The pill of a product's stock: *out* red, *low* amber, enough green.
pub fn stock_badge(mark: StockMark) -> impl Fn(&Theme) -> container::Style {
    move |theme| {
        let palette = theme.extended_palette();
        let base = match mark {
            StockMark::Out => palette.danger.base.color,
            StockMark::Low => palette.warning.base.color,
            StockMark::Enough => palette.success.base.color,
        };
        pill(base, theme)
    }
}

fn pill(base: Color, theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color { a: 0.18, ..base })),
        text_color: Some(if theme.extended_palette().is_dark {
            Color { a: 1.0, ..base }
        } else {
            darken(base)
        }),
        border: Border {
            radius: 10.0.into(),
            width: 1.0,
            color: Color { a: 0.5, ..base },
        },
        ..container::Style::default()
    }
}

fn darken(color: Color) -> Color {
    Color {
        r: color.r * 0.7,
        g: color.g * 0.7,
        b: color.b * 0.7,
        a: 1.0,
    }
}

/// The top bar and the status bar.
pub fn bar(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.weak.color.into()),
        text_color: Some(palette.background.weak.text),
        ..container::Style::default()
    }
}

/// Side panels and cards.
pub fn panel(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.into()),
        border: Border {
            radius: 6.0.into(),
            width: 1.0,
            color: palette.background.strong.color,
        },
        ..container::Style::default()
    }
}

/// A banner for an error.
pub fn error_banner(theme: &Theme) -> container::Style {
    banner(theme.extended_palette().danger.weak.color, theme)
}

/// A banner for a piece of news (an action that worked).
pub fn notice_banner(theme: &Theme) -> container::Style {
    banner(theme.extended_palette().success.weak.color, theme)
}

fn banner(tint: Color, theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Color { a: 0.35, ..tint }.into()),
        text_color: Some(theme.extended_palette().background.base.text),
        border: Border {
            radius: 6.0.into(),
            width: 1.0,
            color: tint,
        },
        ..container::Style::default()
    }
}

/// Secondary text (hints, counts): the text colour, softened but still readable.
pub fn muted(theme: &Theme) -> text::Style {
    let text = theme.extended_palette().background.base.text;
    text::Style {
        color: Some(Color { a: 0.7, ..text }),
    }
}

//! The fonts the window draws with, inside the binary: Noto Sans for Latin text and Noto
//! Sans Arabic for Arabic (names, addresses, and the Arabic interface), regular and bold.
//! Without them the window depends on what the system has: a Windows without the usual
//! fonts (or a fresh Wine prefix) draws every letter invisible, and Arabic falls back to
//! whatever the system picks. Licence: `assets/fonts/OFL.txt`.

use iced::Font;
use iced::font::Weight;

/// Every text's font unless it says otherwise; Arabic glyphs fall back to Noto Sans Arabic.
pub const SANS: Font = Font::with_name("Noto Sans");

/// Column headers and labels that stand out.
pub const BOLD: Font = Font {
    weight: Weight::Bold,
    ..SANS
};

/// The font files, loaded into the window's font system at start.
pub const FILES: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansArabic-Bold.ttf"),
];

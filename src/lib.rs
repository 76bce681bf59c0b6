//! WedoCOD Merchant Console: the window (`gui`) and the commands (`cli`) of the
//! `wedocod-console` binary, and their words (`i18n`). Everything else lives in the
//! workspace's crates, which this code names where it uses them: `wedocod-api` (wire
//! format and client), `wedocod-import` (a merchant's file read, mapped, checked and
//! fixed), `wedocod-core` (uploads, stores, settings, tokens: what the window and the
//! terminal share, with no iced in its tree) and `wedocod-sandbox` (the
//! WedoCOD-compatible server of the demo store).

pub mod cli;
pub mod gui;
pub mod i18n;

//! One module per screen.

pub mod connect;
pub mod dashboard;
pub mod desk;
pub mod import;
pub mod profiles;
pub mod records;
pub mod settings;
pub mod uploads;
pub mod welcome;

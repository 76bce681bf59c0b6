//! One module per screen.

pub mod connect;
pub mod profiles;
pub mod records;
pub mod welcome;

//! Shared by the window's and the commands' tests: the real binary (`cli`), the window
//! driven by iced_test (`gui`), and everything the crates' tests share (`wedocod-testkit`).

#![allow(dead_code)] // each test binary uses its own part of this module

pub mod cli;
pub mod gui;

#[allow(unused_imports)] // as `dead_code` above: not every test binary uses the testkit
pub use wedocod_testkit::*;

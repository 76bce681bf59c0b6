//! Embeds the icon and version information into the Windows executable (Explorer, the
//! taskbar and the installer's shortcuts show it). Nothing to do for other targets.

fn main() {
    println!("cargo::rerun-if-changed=packaging/windows/wedocod-console.ico");
    #[cfg(windows)]
    windows_resources();
}

/// `winresource` is a build dependency of Windows hosts only, and the target may still be
/// another OS there, hence both checks.
#[cfg(windows)]
fn windows_resources() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("packaging/windows/wedocod-console.ico")
        .set("ProductName", "WedoCOD Console")
        .set("FileDescription", "WedoCOD Console");
    resource
        .compile()
        .expect("the Windows resource compiler (rc.exe from the Windows SDK) failed");
}

//! The console build: with the `console` feature, the demos and the capstone's load
//! command serve tokio-console, which lists every live task of the process with where it
//! was spawned, how long it has been idle and how often it was woken.
//!
//! tokio records what the console shows only when it is built with `--cfg tokio_unstable`,
//! which a cargo feature cannot set. The flag goes in `RUSTFLAGS`, with a target folder of
//! its own: a change of `RUSTFLAGS` rebuilds every crate, and the folder keeps both builds,
//! so that going back to the ordinary one rebuilds nothing:
//!
//! ```console
//! $ RUSTFLAGS="--cfg tokio_unstable" CARGO_TARGET_DIR=target/tokio-unstable \
//!     cargo run -p leaky --features console --example capstone-load -- --until-stopped
//! $ tokio-console           # in another terminal; cargo install --locked tokio-console
//! ```
//!
//! `leaky`'s programs serve the console on its default port, 6669, and `fixed`'s on 6670,
//! so that both can run at once (`tokio-console http://127.0.0.1:6670`);
//! `TOKIO_CONSOLE_BIND=HOST:PORT` puts either elsewhere. Without the feature, [`serve`]
//! does nothing and nothing of the console is built.

#[cfg(all(feature = "console", not(tokio_unstable)))]
compile_error!(
    "the console build needs tokio's unstable instrumentation, which a cargo feature cannot \
     turn on: build it with RUSTFLAGS=\"--cfg tokio_unstable\" in a target folder of its own, \
     as in: RUSTFLAGS=\"--cfg tokio_unstable\" CARGO_TARGET_DIR=target/tokio-unstable \
     cargo run -p leaky --features console"
);

/// The port `leaky`'s console build serves tokio-console on: the console's own default,
/// so that a bare `tokio-console` finds it.
pub const LEAKY_PORT: u16 = 6669;

/// The port `fixed`'s console build serves tokio-console on: the next one, so that a
/// leaky and a fixed program can be watched side by side.
pub const FIXED_PORT: u16 = 6670;

/// How long the console keeps an ended task's record (unless `TOKIO_CONSOLE_RETENTION`
/// says otherwise). console-subscriber's own default is an hour, and a record holds its
/// task's histograms, tens of KiB: a load of a few thousand clients would grow by hundreds
/// of MiB of records, leak or no leak, and a console that connects late would first have
/// to read them all. tokio-console shows an ended task for 6 s.
#[cfg(feature = "console")]
const RETENTION: std::time::Duration = std::time::Duration::from_secs(10);

/// How often the console is sent what changed (unless `TOKIO_CONSOLE_PUBLISH_INTERVAL`
/// says otherwise). console-subscriber reads the events its instrumentation queued only
/// when it publishes, and no more than tokio's cooperative budget, 128, each time: at its
/// default of once a second, a load of a hundred clients a second (over ten events each)
/// queues faster than it is read, and the console falls behind for good, showing tasks
/// from ever longer ago. Twenty times a second keeps up.
#[cfg(feature = "console")]
const PUBLISH_INTERVAL: std::time::Duration = std::time::Duration::from_millis(50);

/// In a console build, serves tokio-console from this process from now on, at
/// `TOKIO_CONSOLE_BIND` if it is set, else at `127.0.0.1:port`, says where on stderr, and
/// returns where. Call it before the first runtime starts. Otherwise it does nothing, and
/// returns `None`.
///
/// A `TOKIO_CONSOLE_BIND` that is not `HOST:PORT`, or a port already taken (by another
/// console build, most likely), is an error that says which port to try instead.
pub fn serve(port: u16) -> anyhow::Result<Option<std::net::SocketAddr>> {
    #[cfg(feature = "console")]
    {
        let wanted = address(port)?;
        // console-subscriber listens from a thread of its own, and panics there if it
        // cannot: find out here, where the error can say what to do. (Port 0 is then a
        // free port, which is said.)
        let addr = std::net::TcpListener::bind(wanted)
            .and_then(|listener| listener.local_addr())
            .map_err(|e| {
                anyhow::anyhow!(
                    "tokio-console cannot be served at {wanted}: {e}; another console build \
                     may be running: give this one another port, as in \
                     TOKIO_CONSOLE_BIND=127.0.0.1:{}",
                    wanted.port().wrapping_add(2)
                )
            })?;
        console_subscriber::ConsoleLayer::builder()
            .retention(RETENTION)
            .publish_interval(PUBLISH_INTERVAL)
            .with_default_env()
            .server_addr(addr)
            .init();
        eprintln!("tokio-console: served at {addr}; open it with: tokio-console http://{addr}");
        Ok(Some(addr))
    }
    #[cfg(not(feature = "console"))]
    {
        let _ = port;
        Ok(None)
    }
}

/// Where the console is served: `TOKIO_CONSOLE_BIND`, or `127.0.0.1:port`.
#[cfg(feature = "console")]
fn address(port: u16) -> anyhow::Result<std::net::SocketAddr> {
    use std::net::ToSocketAddrs as _;
    let bind = match std::env::var("TOKIO_CONSOLE_BIND") {
        Ok(bind) => bind,
        Err(std::env::VarError::NotPresent) => {
            return Ok(std::net::SocketAddr::from(([127, 0, 0, 1], port)));
        }
        Err(std::env::VarError::NotUnicode(bind)) => bind.to_string_lossy().into_owned(),
    };
    bind.to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "TOKIO_CONSOLE_BIND='{bind}' is not an address to serve tokio-console at; \
                 give HOST:PORT, as in TOKIO_CONSOLE_BIND=127.0.0.1:{port}"
            )
        })
}

//! The subscription server's own tests: what it does for its clients, over real sockets
//! on 127.0.0.1. They pass. Run them with `cargo test -p leaky --test capstone_service`.
//!
//! Each waits on the server's answers (`OK`, `SENT`, `BYE`), never on the clock.

// The server is written as a library module, with `pub` items. Its client is the
// workshop's, shared with the check and the load command.
#[allow(unreachable_pub)]
#[path = "server.rs"]
mod server;

use server::Server;
use workshop::capstone::Client;

/// A test's outcome: a boxed error, so that `?` takes a socket's error and, once you add
/// the checker, its verdict alike, and a failure prints the error without a backtrace.
type Result = std::result::Result<(), Box<dyn std::error::Error>>;

// ANCHOR: first_test
#[tokio::test]
async fn a_subscriber_receives_what_is_published_to_its_topic() -> Result {
    let server = Server::start("127.0.0.1:0").await?;

    let mut reader = Client::connect(server.addr()).await?;
    reader.subscribe("news").await?;
    let mut writer = Client::connect(server.addr()).await?;
    assert_eq!(writer.publish("news", "hello").await?, 1);
    assert_eq!(reader.receive().await?, "MSG news hello");

    drop((reader, writer));
    server.shutdown().await;
    Ok(())
}
// ANCHOR_END: first_test

#[tokio::test]
async fn an_update_reaches_every_subscriber_of_its_topic_and_no_other() -> Result {
    let server = Server::start("127.0.0.1:0").await?;
    let mut first = Client::connect(server.addr()).await?;
    first.subscribe("news").await?;
    let mut second = Client::connect(server.addr()).await?;
    second.subscribe("news").await?;
    let mut other = Client::connect(server.addr()).await?;
    other.subscribe("weather").await?;

    let mut writer = Client::connect(server.addr()).await?;
    assert_eq!(writer.publish("news", "hello").await?, 2);
    assert_eq!(writer.publish("weather", "rain").await?, 1);
    assert_eq!(first.receive().await?, "MSG news hello");
    assert_eq!(second.receive().await?, "MSG news hello");
    // The first update `other` sees is its own topic's.
    assert_eq!(other.receive().await?, "MSG weather rain");

    drop((first, second, other, writer));
    server.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn a_subscriber_of_two_topics_receives_both_in_order() -> Result {
    let server = Server::start("127.0.0.1:0").await?;
    let mut reader = Client::connect(server.addr()).await?;
    reader.subscribe("news").await?;
    reader.subscribe("weather").await?;
    // Subscribing twice to a topic is once.
    reader.subscribe("news").await?;
    assert_eq!(server.subscriptions(), 2);

    let mut writer = Client::connect(server.addr()).await?;
    writer.publish("news", "one").await?;
    writer.publish("weather", "two").await?;
    assert_eq!(reader.receive().await?, "MSG news one");
    assert_eq!(reader.receive().await?, "MSG weather two");

    drop((reader, writer));
    server.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn a_client_that_quits_is_told_goodbye() -> Result {
    let server = Server::start("127.0.0.1:0").await?;
    let mut client = Client::connect(server.addr()).await?;
    client.subscribe("news").await?;
    client.quit().await?;
    server.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn a_wrong_command_is_answered_with_what_was_wrong() -> Result {
    let server = Server::start("127.0.0.1:0").await?;
    let mut client = Client::connect(server.addr()).await?;
    let cases = [
        ("HELLO", "ERR unknown command 'HELLO'; try SUB, PUB or QUIT"),
        ("SUB", "ERR not a topic: ''; a topic is one word"),
        ("PUB news", "ERR 'PUB news' is not 'PUB topic text'"),
    ];
    for (command, answer) in cases {
        assert_eq!(client.ask(command).await?, answer, "answer to {command:?}");
    }
    // The connection is still good.
    assert_eq!(client.publish("nobody", "listens").await?, 0);

    drop(client);
    server.shutdown().await;
    Ok(())
}

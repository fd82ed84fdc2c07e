//! A client of the subscription server, for its tests, its check and the load command:
//! one line out, one line in, over a real TCP connection.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};

/// How long a client waits for a line before it gives up with an error: only a broken
/// server is this slow, and a check should fail then, not hang.
const PATIENCE: Duration = Duration::from_secs(5);

/// One connection to the server.
pub struct Client {
    lines: Lines<BufReader<OwnedReadHalf>>,
    writer: OwnedWriteHalf,
}

impl Client {
    /// Connects to the server at `addr`.
    pub async fn connect(addr: SocketAddr) -> io::Result<Client> {
        let (reader, writer) = TcpStream::connect(addr).await?.into_split();
        Ok(Client {
            lines: BufReader::new(reader).lines(),
            writer,
        })
    }

    /// Sends one line.
    pub async fn send(&mut self, line: &str) -> io::Result<()> {
        self.writer.write_all(format!("{line}\n").as_bytes()).await
    }

    /// The next line from the server.
    pub async fn receive(&mut self) -> io::Result<String> {
        match tokio::time::timeout(PATIENCE, self.lines.next_line()).await {
            Ok(Ok(Some(line))) => Ok(line),
            Ok(Ok(None)) => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the server closed the connection",
            )),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("no line from the server in {PATIENCE:?}"),
            )),
        }
    }

    /// Sends a command and returns the server's answer.
    pub async fn ask(&mut self, command: &str) -> io::Result<String> {
        self.send(command).await?;
        self.receive().await
    }

    /// Subscribes to `topic`, and returns once the server has said so.
    pub async fn subscribe(&mut self, topic: &str) -> io::Result<()> {
        expect(
            self.ask(&format!("SUB {topic}")).await?,
            &format!("OK {topic}"),
        )
    }

    /// Publishes `text` to `topic`; returns for how many subscribers it was queued.
    pub async fn publish(&mut self, topic: &str, text: &str) -> io::Result<usize> {
        let answer = self.ask(&format!("PUB {topic} {text}")).await?;
        answer
            .strip_prefix("SENT ")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| unexpected(&answer, "SENT n"))
    }

    /// Says goodbye, and returns once the server has answered.
    pub async fn quit(mut self) -> io::Result<()> {
        expect(self.ask("QUIT").await?, "BYE")
    }

    /// Leaves with the connection reset, as a client whose network fails does: the
    /// server's next read fails with an error, not an end of input.
    pub fn reset(self) -> io::Result<()> {
        let stream = self.lines.into_inner().into_inner().reunite(self.writer);
        let stream = stream.map_err(|e| io::Error::other(e.to_string()))?;
        stream.set_zero_linger()
    }

    /// Sends `bytes` as they are (a line that is not UTF-8, say), then hangs up.
    pub async fn send_bytes(mut self, bytes: &[u8]) -> io::Result<()> {
        self.writer.write_all(bytes).await
    }
}

/// `Ok` if the server said `wanted`.
fn expect(line: String, wanted: &str) -> io::Result<()> {
    if line == wanted {
        Ok(())
    } else {
        Err(unexpected(&line, wanted))
    }
}

fn unexpected(line: &str, wanted: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("the server said '{line}' where '{wanted}' was expected"),
    )
}

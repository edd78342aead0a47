using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Brokerage;

/// <summary>One broker call's hold on the database: its connection and write transaction, the book caught up to <see cref="Now"/>, and the instant itself.</summary>
internal sealed record PaperBrokerCall(SqliteConnection Connection, SqliteTransaction Transaction, PaperBook Book, DateTimeOffset Now);

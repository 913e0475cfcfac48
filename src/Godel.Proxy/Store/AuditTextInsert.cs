// The audit writer's insert into the FTS5 table: text extracted into reused UTF-8 buffers and bound as bytes.
using System.Buffers;
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Store;

internal sealed class AuditTextInsert(SqliteConnection connection) : IDisposable
{
    private readonly AuditStatement _statement = new(connection, AuditSql.TextSql);
    private ArrayBufferWriter<byte> _prompt = new(4096);
    private ArrayBufferWriter<byte> _response = new(4096);

    public void Insert(long id, byte[]? promptBody, byte[]? responseBody)
    {
        _statement.Int(1, id);
        _statement.Text(2, TextExtractor.ExtractUtf8(promptBody, _prompt));
        _statement.Text(3, TextExtractor.ExtractUtf8(responseBody, _response));
        _statement.Run();
        // A rare huge body must not pin its buffer for the writer's life.
        _prompt = Shrunk(_prompt);
        _response = Shrunk(_response);
    }

    public void Dispose() => _statement.Dispose();

    private static ArrayBufferWriter<byte> Shrunk(ArrayBufferWriter<byte> buffer) => buffer.Capacity > 1 << 20 ? new(4096) : buffer;
}

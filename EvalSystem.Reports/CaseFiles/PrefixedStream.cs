namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// A forward-only stream that replays the bytes already read to sniff the file type, then continues with the rest of a
/// stream that cannot seek back (e.g. a request body). Does not own <paramref name="rest"/>.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : Stream
{
    private int _offset;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_offset < prefixLength)
        {
            read = Math.Min(buffer.Length, prefixLength - _offset);
            prefix.AsSpan(_offset, read).CopyTo(buffer);
            _offset += read;
        }
        else
        {
            read = rest.Read(buffer);
        }
        _position += read;
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

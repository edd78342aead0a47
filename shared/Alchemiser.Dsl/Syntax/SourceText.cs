using System.Globalization;
using System.Text;

namespace Alchemiser.Dsl.Syntax;

/// <summary>Turns the bytes of a strategy file into the text the parser reads (DSL.md §1 rule 1).</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes UTF-8, skipping a leading byte order mark. Invalid UTF-8 (including an encoded surrogate or an
    /// overlong form) is <c>DSL100</c> at 1:1 of <paramref name="fileName"/>, the message naming the offset of the
    /// first bad byte in <paramref name="bytes"/>: <c>invalid UTF-8 at byte 17</c>.
    /// </summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var byteOrderMark = "\uFEFF"u8;
        var skipped = bytes.StartsWith(byteOrderMark) ? byteOrderMark.Length : 0;
        bytes = bytes[skipped..];

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 at byte {skipped + Math.Max(e.Index, 0)}");
            throw new DslException(DslErrorCodes.InvalidUtf8, fileName, 1, 1, at);
        }
    }
}

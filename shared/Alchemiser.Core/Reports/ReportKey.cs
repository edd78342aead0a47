using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alchemiser.Core.Reports;

/// <summary>
/// The rules every <see cref="IReportStore"/> applies to keys, so a key that works in memory works in a folder and in
/// S3: relative, <c>/</c>-separated, at most <see cref="MaxBytes"/> bytes of UTF-8; no leading or trailing <c>/</c>, no
/// empty segment, no backslash, no control character, no <c>..</c>, and no segment starting with <c>.</c> (such names
/// are left to stores for their own temporary files). <see cref="Segment"/> turns any text (an event id, a correlation
/// id) into one segment that keeps these rules.
/// </summary>
public static class ReportKey
{
    /// <summary>The longest key in bytes of UTF-8 (S3's limit).</summary>
    public const int MaxBytes = 1024;

    /// <summary>The longest segment <see cref="Segment"/> returns; longer ones are shortened with a hash.</summary>
    public const int MaxSegmentLength = 200;

    private const int KeptWhenShortened = 150;

    /// <summary>Throws unless <paramref name="key"/> is a valid key.</summary>
    /// <exception cref="ArgumentException">The key breaks a rule; the message says which.</exception>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Problem(key, isPrefix: false) is { } problem)
        {
            throw new ArgumentException($"report key '{Shown(key)}' is not valid: {problem}", nameof(key));
        }
    }

    /// <summary>
    /// Throws unless <paramref name="prefix"/> is a valid listing prefix: empty (everything), or the start of a valid key,
    /// which may end with <c>/</c> (a folder) or in the middle of a segment.
    /// </summary>
    /// <exception cref="ArgumentException">The prefix breaks a rule; the message says which.</exception>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0 && Problem(prefix, isPrefix: true) is { } problem)
        {
            throw new ArgumentException($"report key prefix '{Shown(prefix)}' is not valid: {problem}", nameof(prefix));
        }
    }

    /// <summary>Whether <paramref name="key"/> is a valid key.</summary>
    public static bool IsValid(string? key) => key is not null && Problem(key, isPrefix: false) is null;

    /// <summary>
    /// <paramref name="text"/> as one key segment: letters, digits, <c>-</c>, <c>_</c> and <c>:</c> stay, every other
    /// character (<c>/</c>, <c>.</c>, <c>%</c>, spaces, non-ASCII) becomes <c>%XX</c> per UTF-8 byte, so different texts give
    /// different segments. A segment longer than <see cref="MaxSegmentLength"/> keeps its first 150 characters and ends
    /// with <c>~</c> and 32 hex digits of the SHA-256 of the text.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty.</exception>
    public static string Segment(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var segment = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':')
            {
                segment.Append(c);
            }
            else
            {
                segment.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        if (segment.Length <= MaxSegmentLength)
        {
            return segment.ToString();
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        return segment.ToString(0, KeptWhenShortened) + "~" + hash;
    }

    private static string? Problem(string key, bool isPrefix)
    {
        if (key.Length == 0)
        {
            return "it is empty";
        }

        if (key[0] == '/')
        {
            return "it starts with '/'; keys are relative";
        }

        if (key.Contains('\\', StringComparison.Ordinal))
        {
            return "it contains a backslash; segments are separated by '/'";
        }

        if (key.Any(char.IsControl))
        {
            return "it contains a control character";
        }

        if (key.Contains("..", StringComparison.Ordinal))
        {
            return "it contains '..'";
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxBytes)
        {
            return $"it is longer than {MaxBytes} bytes of UTF-8";
        }

        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i].Length == 0 && !(isPrefix && last))
            {
                return last ? "it ends with '/'; a key names a file, not a folder" : "it has an empty segment ('//')";
            }

            if (segments[i].StartsWith('.'))
            {
                return $"segment '{segments[i]}' starts with '.'";
            }
        }

        return null;
    }

    /// <summary>The key as an error message quotes it: one line, at most 200 characters.</summary>
    private static string Shown(string key)
    {
        var line = new string([.. key.Select(c => char.IsControl(c) ? '?' : c)]);
        return line.Length <= 200 ? line : line[..197] + "...";
    }
}

using System.Text;

namespace Alchemiser.Local.Synthetic;

/// <summary>
/// Appends symphony text and keeps the books a generator needs: current and maximum bracket depth (every
/// opener is matched by <see cref="Close"/>, so the output is balanced by construction), the number of
/// <c>group</c> forms and every ticker written. Line breaks indent by one space per open bracket, the way
/// exported symphonies grow wider as they nest.
/// </summary>
internal sealed class StressSymphonyWriter
{
    private readonly StringBuilder _text;
    private readonly List<char> _closers = new(256);
    private readonly HashSet<string> _tickers = new(StringComparer.Ordinal);

    public StressSymphonyWriter(int capacity)
    {
        _text = new StringBuilder(capacity);
    }

    public int Depth => _closers.Count;

    public int MaxDepth { get; private set; }

    public int Groups { get; private set; }

    public int Length => _text.Length;

    public void Open(char bracket)
    {
        _text.Append(bracket);
        _closers.Add(bracket switch
        {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            _ => throw new ArgumentOutOfRangeException(nameof(bracket)),
        });
        if (_closers.Count > MaxDepth)
        {
            MaxDepth = _closers.Count;
        }
    }

    /// <summary>Opens a call: <c>(head</c>.</summary>
    public void OpenCall(string head)
    {
        Open('(');
        _text.Append(head);
    }

    /// <summary>Closes the innermost open bracket.</summary>
    public void Close()
    {
        var last = _closers.Count - 1;
        _text.Append(_closers[last]);
        _closers.RemoveAt(last);
    }

    /// <summary>Closes brackets until <see cref="Depth"/> is <paramref name="depth"/>.</summary>
    public void CloseTo(int depth)
    {
        while (_closers.Count > depth)
        {
            Close();
        }
    }

    public void Raw(string text) => _text.Append(text);

    public void Raw(char c) => _text.Append(c);

    public void Space() => _text.Append(' ');

    /// <summary>A line break followed by one space per open bracket.</summary>
    public void NewLine() => _text.Append('\n').Append(' ', _closers.Count);

    /// <summary>A string literal; generated strings never need escapes.</summary>
    public void String(string value)
    {
        if (value.Contains('"', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException("generated strings must not need escapes", nameof(value));
        }

        _text.Append('"').Append(value).Append('"');
    }

    /// <summary>A ticker string literal, recorded in <see cref="Tickers"/>.</summary>
    public void Ticker(string ticker)
    {
        _tickers.Add(ticker);
        String(ticker);
    }

    public void CountGroup() => Groups++;

    /// <summary>Distinct tickers written so far, ordinal order.</summary>
    public IReadOnlyList<string> Tickers()
    {
        var list = _tickers.ToList();
        list.Sort(StringComparer.Ordinal);
        return list.AsReadOnly();
    }

    public override string ToString() => _text.ToString();
}

using System.Globalization;
using Alchemiser.Dsl.Pricing;

namespace Alchemiser.Dsl.Evaluation;

/// <summary>
/// One symbol's closes as the engine reads them, through as-of views only (DSL.md §4.1). Bars are taken from the
/// price source lazily and in order, never past the latest as-of date asked for: a bar dated after every as-of date
/// the engine has evaluated is never validated, copied or used. Invalid data (dates not increasing, a close that is
/// not finite and positive) raises DSL305 only for views that include it.
/// </summary>
internal sealed class SymbolHistory
{
    private readonly IReadOnlyList<PriceBar> _source;
    private DateOnly[] _dates;
    private double[] _closes;
    private int _count;
    private string? _invalidReason;
    private DateOnly _invalidFrom;

    public SymbolHistory(string symbol, IReadOnlyList<PriceBar> source)
    {
        Symbol = symbol;
        _source = source;
        var capacity = Math.Min(source.Count, 4096);
        _dates = new DateOnly[capacity];
        _closes = new double[capacity];
    }

    public string Symbol { get; }

    /// <summary>Closes of the bars read so far (valid ones), oldest first; use with a length from <see cref="LengthAsOf"/>.</summary>
    public ReadOnlySpan<double> Closes(int length) => _closes.AsSpan(0, length);

    /// <summary>Dates of the bars read so far, oldest first.</summary>
    public ReadOnlySpan<DateOnly> Dates(int length) => _dates.AsSpan(0, length);

    /// <summary>
    /// L(d): how many bars have a date ≤ <paramref name="asOf"/>. Throws <see cref="InvalidPriceDataException"/>
    /// when the view up to that date contains an invalid bar.
    /// </summary>
    public int LengthAsOf(DateOnly asOf)
    {
        if (_count < _source.Count && (_count == 0 || _dates[_count - 1] <= asOf))
        {
            ReadThrough(asOf);
        }

        if (_invalidReason is not null && _invalidFrom <= asOf)
        {
            throw new InvalidPriceDataException(_invalidReason);
        }

        // Upper bound: first index whose date is > asOf.
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_dates[mid] <= asOf)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Index of the first bar dated ≥ <paramref name="date"/> among the first <paramref name="length"/>, or length.</summary>
    public int LowerBound(DateOnly date, int length)
    {
        int lo = 0, hi = length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_dates[mid] < date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private void ReadThrough(DateOnly asOf)
    {
        if (_invalidReason is not null)
        {
            return;
        }

        while (_count < _source.Count)
        {
            var bar = _source[_count];
            if (bar.Date > asOf)
            {
                return; // the next bar belongs to a later view
            }

            if (_count > 0 && bar.Date <= _dates[_count - 1])
            {
                // Out of order: it is part of every view that reaches the previous bar.
                Invalidate(_dates[_count - 1], string.Create(CultureInfo.InvariantCulture,
                    $"invalid price data for {Symbol}: bar dated {bar.Date:yyyy-MM-dd} follows {_dates[_count - 1]:yyyy-MM-dd} (dates must strictly increase)"));
                return;
            }

            if (!double.IsFinite(bar.Close) || bar.Close <= 0)
            {
                Invalidate(bar.Date, string.Create(CultureInfo.InvariantCulture,
                    $"invalid price data for {Symbol}: close on {bar.Date:yyyy-MM-dd} is {bar.Close.ToString("R", CultureInfo.InvariantCulture)} (must be finite and > 0)"));
                return;
            }

            if (_count == _dates.Length)
            {
                var size = Math.Max(16, Math.Min(_source.Count, _dates.Length * 2));
                Array.Resize(ref _dates, size);
                Array.Resize(ref _closes, size);
            }

            _dates[_count] = bar.Date;
            _closes[_count] = bar.Close;
            _count++;
        }
    }

    private void Invalidate(DateOnly from, string reason)
    {
        _invalidFrom = from;
        _invalidReason = reason;
    }
}

/// <summary>Raised by <see cref="SymbolHistory"/>; the evaluator turns it into DSL305 at the call that read the data.</summary>
internal sealed class InvalidPriceDataException(string message) : Exception(message);

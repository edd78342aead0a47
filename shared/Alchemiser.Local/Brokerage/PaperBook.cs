using System.Globalization;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// The paper account inside one database transaction: cash, positions, open orders, the order counter and how far
/// matching has got, with every change since the last save remembered so only those rows are written. Single-threaded:
/// the broker gives each call its own book.
/// </summary>
internal sealed class PaperBook
{
    private readonly Dictionary<string, PaperPosition> _positions;
    private readonly List<PaperOrder> _openOrders;
    private readonly HashSet<PaperOrder> _changedOrders = [];
    private readonly HashSet<string> _changedSymbols = new(StringComparer.Ordinal);
    private readonly List<PaperExecution> _executions = [];
    private DateTimeOffset _matchedThrough;
    private bool _accountChanged;

    /// <param name="openOrders">The open orders, any order; the book keeps them by number.</param>
    /// <param name="version">The account row's version this book was read at.</param>
    public PaperBook(
        decimal cash, long nextOrderNumber, DateTimeOffset matchedThrough, long version, IEnumerable<PaperPosition> positions, IEnumerable<PaperOrder> openOrders)
    {
        Cash = cash;
        NextOrderNumber = nextOrderNumber;
        _matchedThrough = matchedThrough;
        Version = version;
        _positions = positions.ToDictionary(p => p.Symbol, StringComparer.Ordinal);
        _openOrders = openOrders.OrderBy(o => o.Number).ToList();
    }

    public decimal Cash { get; private set; }

    public long NextOrderNumber { get; private set; }

    /// <summary>Every instant up to this one has been matched.</summary>
    public DateTimeOffset MatchedThrough
    {
        get => _matchedThrough;
        set
        {
            _accountChanged |= value != _matchedThrough;
            _matchedThrough = value;
        }
    }

    /// <summary>The account row's version the book matches once its changes are saved.</summary>
    public long Version { get; set; }

    /// <summary>Something changed since the last save.</summary>
    public bool HasChanges => _accountChanged || _changedOrders.Count > 0 || _changedSymbols.Count > 0 || _executions.Count > 0;

    /// <summary>Open orders in order of arrival.</summary>
    public IReadOnlyList<PaperOrder> OpenOrders => _openOrders;

    /// <summary>Positions, ordinal by symbol.</summary>
    public IReadOnlyList<PaperPosition> Positions => _positions.Values.OrderBy(p => p.Symbol, StringComparer.Ordinal).ToArray();

    /// <summary>Orders placed or changed since the last save.</summary>
    public IReadOnlyCollection<PaperOrder> ChangedOrders => _changedOrders;

    /// <summary>Symbols whose position changed (or went) since the last save.</summary>
    public IReadOnlyCollection<string> ChangedSymbols => _changedSymbols;

    /// <summary>Fills since the last save, in the order they happened.</summary>
    public IReadOnlyList<PaperExecution> NewExecutions => _executions;

    public PaperPosition? Position(string symbol) => _positions.GetValueOrDefault(symbol);

    public PaperOrder? OpenOrder(string orderId) => _openOrders.Find(o => string.Equals(o.Id, orderId, StringComparison.Ordinal));

    /// <summary>Cash less what open buys reserve, leaving out <paramref name="excluding"/> (an order being replaced).</summary>
    public decimal BuyingPower(PaperOrder? excluding = null) =>
        Cash - _openOrders.Where(o => !ReferenceEquals(o, excluding)).Sum(o => o.ReservedCash);

    /// <summary>Shares of <paramref name="symbol"/> held and not yet promised to open sells (other than <paramref name="excluding"/>).</summary>
    public decimal SellableQuantity(string symbol, PaperOrder? excluding = null) =>
        (Position(symbol)?.Quantity ?? 0m)
        - _openOrders
            .Where(o => o.Side == OrderSide.Sell && string.Equals(o.Symbol, symbol, StringComparison.Ordinal) && !ReferenceEquals(o, excluding))
            .Sum(o => o.RemainingQuantity);

    /// <summary>Places a new open order under the next number.</summary>
    public PaperOrder Place(OrderRequest request, decimal? reservePrice, DateTimeOffset submittedAt, DateTimeOffset expiresAt)
    {
        var number = NextOrderNumber++;
        _accountChanged = true;
        var order = new PaperOrder
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"paper-{number:D6}"),
            Number = number,
            ClientOrderId = request.ClientOrderId,
            Symbol = request.Symbol,
            Side = request.Side,
            Type = request.Type,
            Quantity = request.Quantity,
            LimitPrice = request.LimitPrice,
            ReservePrice = reservePrice,
            SubmittedAt = submittedAt,
            ExpiresAt = expiresAt,
            UpdatedAt = submittedAt,
        };
        _openOrders.Add(order);
        _changedOrders.Add(order);
        return order;
    }

    /// <summary>Fills <paramref name="quantity"/> of <paramref name="order"/> at <paramref name="price"/>: the order, cash and the position move together.</summary>
    public void Execute(PaperOrder order, decimal quantity, decimal price, DateTimeOffset at)
    {
        var notional = quantity * price;
        order.FilledQuantity += quantity;
        order.FilledNotional += notional;
        order.UpdatedAt = at;
        if (order.FilledQuantity == order.Quantity)
        {
            order.Status = OrderStatus.Filled;
            order.FilledAt = at;
            _openOrders.Remove(order);
        }
        else
        {
            order.Status = OrderStatus.PartiallyFilled;
        }

        _accountChanged = true;
        if (order.Side == OrderSide.Buy)
        {
            Cash -= notional;
            if (_positions.TryGetValue(order.Symbol, out var held))
            {
                held.Buy(quantity, price);
            }
            else
            {
                _positions[order.Symbol] = new PaperPosition(order.Symbol, quantity, notional);
            }
        }
        else
        {
            Cash += notional;
            var held = Position(order.Symbol)
                ?? throw new InvalidOperationException($"a sell of {order.Symbol} filled with no position; the paper-broker database is inconsistent");
            held.Sell(quantity);
            if (held.Quantity == 0m)
            {
                _positions.Remove(order.Symbol);
            }
        }

        _changedOrders.Add(order);
        _changedSymbols.Add(order.Symbol);
        _executions.Add(new PaperExecution(order.Id, order.Symbol, order.Side, quantity, price, at));
    }

    /// <summary>Ends an open order (cancelled, replaced or expired) at <paramref name="at"/>; what it filled stays.</summary>
    public void Finish(PaperOrder order, OrderStatus status, DateTimeOffset at, string? reason = null, string? replacedBy = null)
    {
        order.Status = status;
        order.UpdatedAt = at;
        order.Reason = reason;
        order.ReplacedBy = replacedBy;
        _openOrders.Remove(order);
        _changedOrders.Add(order);
    }

    /// <summary>Forgets the remembered changes once they are written.</summary>
    public void MarkSaved()
    {
        _accountChanged = false;
        _changedOrders.Clear();
        _changedSymbols.Clear();
        _executions.Clear();
    }
}

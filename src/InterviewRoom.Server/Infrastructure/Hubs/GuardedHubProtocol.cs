using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace InterviewRoom.Server.Infrastructure.Hubs;

/// <summary>
/// SignalR's JSON protocol, with what it leaves open closed (issue 13, findings 6 and 7):
/// <list type="bullet">
/// <item>A frame of a message type it does not know (<c>{"type":99}</c>) is skipped by the framework without a
/// word, and the frames behind it in the same read wait for more input: the connection looks frozen and stays
/// online. Here it closes the connection at once.</item>
/// <item>A malformed frame already closes the connection; it is told apart so the log gets one line, not an error
/// with a stack trace per connection (<see cref="UnreadableFrameException"/>).</item>
/// <item>An invocation the hub cannot bind (an unknown method, wrong arguments) never reaches the hub filter, so it
/// was never counted: it spends the caller's call budget like any call, and a connection that keeps sending them
/// past its budget is closed.</item>
/// <item>Every frame read counts as hearing from the client, pings included, for <see cref="ConnectionWatch"/>.</item>
/// </list>
/// </summary>
internal sealed class GuardedHubProtocol(IHubProtocol inner) : IHubProtocol
{
    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var before = input.Length;
        bool parsed;
        try
        {
            parsed = inner.TryParseMessage(ref input, binder, out message);
        }
        catch (Exception exception) when (exception is not UnreadableFrameException)
        {
            throw Unreadable("a malformed frame", exception);
        }

        if (!parsed || message is null)
        {
            // Nothing parsed yet the input moved on: a whole frame was read and dropped as an unknown type.
            return input.Length < before ? throw Unreadable("a frame of a message type the protocol does not know") : false;
        }

        var guard = ConnectionGuard.Current;
        guard?.Heard();
        if (message is InvocationBindingFailureMessage or StreamBindingFailureMessage && guard is not null)
        {
            if (!guard.Budget.TryTake())
            {
                throw Unreadable("calls the hub could not bind (unknown methods or wrong arguments), past its call budget");
            }

            guard.CountUnreadable();
        }

        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    private static UnreadableFrameException Unreadable(string what, Exception? inner = null)
    {
        ConnectionGuard.Current?.CountUnreadable();
        return new UnreadableFrameException($"The connection sent {what}; it is closed.", inner);
    }
}

/// <summary>A frame the server will not read: the connection that sent it is closed (and logged once by the guard).</summary>
internal sealed class UnreadableFrameException(string message, Exception? inner) : Exception(message, inner);

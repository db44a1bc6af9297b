using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewRoom.Contracts;

/// <summary>
/// The JSON of every wire, HTTP bodies and hub payloads alike (docs/protocol.md section 3): camelCase names, enums
/// as camelCase strings, nulls left out. The server, the .NET client, the tests, the load generator and the bare
/// baseline all configure their serializers here, so they cannot drift apart.
/// </summary>
public static class WireJson
{
    /// <summary>Ready-made options (web defaults plus <see cref="Configure"/>) for code that serializes by hand.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the wire's settings to options a framework hands over (SignalR's payload options, ASP.NET Core's HTTP options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    /// <summary>An enum value as it goes on the wire: <c>QuestionKind.SystemDesign</c> is <c>"systemDesign"</c>.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static JsonSerializerOptions Create()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

namespace InterviewRoom.Server.Web;

/// <summary>The browser pages: static files in wwwroot, with the links the API hands out mapped onto them.</summary>
internal static class Pages
{
    /// <summary>
    /// Empty error answers get a body: a page for a browser asking for a page (a mistyped link should not answer raw
    /// JSON), problem details for everything else, the API and hubs always.
    /// </summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app) => app.UseStatusCodePages(async status =>
    {
        var http = status.HttpContext;
        if (http.Response.StatusCode == StatusCodes.Status404NotFound && WantsPage(http.Request))
        {
            var page = http.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("not-found.html");
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.SendFileAsync(page);
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } }))
        {
            await http.Response.WriteAsync($"Status code: {http.Response.StatusCode}");
        }
    });

    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/hubs")
        && !request.Path.StartsWithSegments("/health")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        routes.MapFallbackToFile("/room/{roomId:guid}", "interviewer.html");
        routes.MapFallbackToFile("/join/{roomCode}", "candidate.html");
        routes.MapFallbackToFile("/report/{roomId:guid}", "report.html");
        routes.MapFallbackToFile("/queue", "queue.html");
        routes.MapFallbackToFile("/class/join/{classCode}", "class-join.html");
        routes.MapFallbackToFile("/class/{classId:guid}", "class-dashboard.html");
        routes.MapFallbackToFile("/class/{classId:guid}/lobby", "class-lobby.html");
        routes.MapFallbackToFile("/class/{classId:guid}/report", "class-report.html");
        return routes;
    }
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>Names the API in its OpenAPI document.</summary>
internal sealed class OpenApiInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Mokuhyo public API",
            Version = "v1",
            Description = "Published organizational goals (組織目標) of the municipalities hosted here: fiscal years, "
                + "organization units, goals and department reports. Read-only; no sign-in needed.",
        };
        return Task.CompletedTask;
    }
}

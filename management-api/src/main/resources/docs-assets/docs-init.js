// Swagger UI over this service's own OpenAPI document; everything is served by the service itself.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });

// The OpenAPI page at /docs: Swagger UI from the swagger-ui-dist package, bundled (no CDN).
import SwaggerUI from "swagger-ui-dist/swagger-ui-es-bundle.js";
import "swagger-ui-dist/swagger-ui.css";

const root = document.getElementById("swagger-ui");
if (root) root.textContent = "";
// validatorUrl: null keeps Swagger UI from sending the description to validator.swagger.io.
SwaggerUI({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null });

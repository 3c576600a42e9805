package org.parley.code;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CameoCode", description = "A CAMEO event code with its label and Goldstein scale value")
public record CameoCode(
        @Schema(description = "2-, 3- or 4-digit code; 2 digits are the root categories", example = "041") String code,
        @Schema(description = "What the code stands for, as the CAMEO codebook says", example = "Discuss by telephone")
        String label,
        @Schema(description = "Goldstein scale, -10 (most conflictual) to +10 (most cooperative)", example = "1.0")
        double goldstein) {
}

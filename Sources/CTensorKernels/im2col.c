#include "CTensorKernels.h"
#include "gemm_pack.h"

#include <stdlib.h>
#include <string.h>

/// The sizes of one im2col/col2im call.
///
/// A strided, padded image is handled through its phase planes: plane (ry, rx) of channel c holds the padded
/// pixels at rows ry, ry + strideH, … and columns rx, rx + strideW, …. Kernel tap (ky, kx) then reads a
/// contiguous run of outW pixels per output row, in plane (ky mod strideH, kx mod strideW), starting at row
/// ky / strideH + oy and column kx / strideW, so every column row is built from whole-run vector copies.
/// With stride 1 and no padding the image is its own single phase plane.
typedef struct {
    long channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, outH, outW;
    long phaseH, phaseW;
} geometry;

static geometry make_geometry(long channels, long height, long width, long kernelH, long kernelW, long strideH,
                              long strideW, long padH, long padW, long outH, long outW) {
    geometry g = { channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, outH, outW, 0, 0 };
    g.phaseH = (height + 2 * padH + strideH - 1) / strideH;
    g.phaseW = (width + 2 * padW + strideW - 1) / strideW;
    return g;
}

/// Whether the image is its own (single) phase plane: stride 1 and no padding.
static int is_plain(const geometry *g) {
    return g->strideH == 1 && g->strideW == 1 && g->padH == 0 && g->padW == 0;
}

static long phase_size(const geometry *g) {
    return g->channels * g->strideH * g->strideW * g->phaseH * g->phaseW;
}

/// The offset of padded pixel (y, x) of channel c in the phase planes: where kernel tap (c, y, x) reads for
/// output (0, 0).
static long phase_offset(const geometry *g, long c, long y, long x) {
    long plane = (c * g->strideH + y % g->strideH) * g->strideW + x % g->strideW;
    return (plane * g->phaseH + y / g->strideH) * g->phaseW + x / g->strideW;
}

/// Offsets into the phase planes, computed once per call so no pixel pays for a division: pixel (c, y, x) is
/// at `c · channelSize + rowOffset[y] + columnOffset[x]`, and tap (c, ky, kx) reads from `tapOffset[tap]`.
typedef struct {
    long channelSize;
    long *rowOffset, *columnOffset, *tapOffset;
} phase_tables;

static phase_tables make_tables(const geometry *g) {
    phase_tables t;
    t.channelSize = g->strideH * g->strideW * g->phaseH * g->phaseW;
    long taps = g->channels * g->kernelH * g->kernelW;
    t.rowOffset = malloc((size_t)(g->height + g->width + taps) * sizeof(long));
    t.columnOffset = t.rowOffset + g->height;
    t.tapOffset = t.columnOffset + g->width;
    for (long y = 0; y < g->height; y++) t.rowOffset[y] = phase_offset(g, 0, y + g->padH, 0);
    for (long x = 0; x < g->width; x++) t.columnOffset[x] = phase_offset(g, 0, 0, x + g->padW);
    for (long c = 0, tap = 0; c < g->channels; c++) {
        for (long ky = 0; ky < g->kernelH; ky++) {
            for (long kx = 0; kx < g->kernelW; kx++) t.tapOffset[tap++] = phase_offset(g, c, ky, kx);
        }
    }
    return t;
}

/// Copies one image into its zero-padded phase planes (`toImage` = 0; the image is only read), or the planes'
/// unpadded pixels back into the image (`toImage` = 1): phase row r of an image row takes its pixels r,
/// r + strideW, ….
static void move_phases(const geometry *g, const phase_tables *t, const tk_pack_ops *ops, float *image,
                        float *phases, int toImage) {
    const long s = g->strideW;
    // Pixels from `lead` on start whole groups of `s` (their padded column is a multiple of s), which go
    // through split/merge; the few before and after go one by one.
    const long lead = (s - g->padW % s) % s < g->width ? (s - g->padW % s) % s : g->width;
    const long count = s <= 16 ? (g->width - lead) / s : 0, tail = lead + count * s;
    float *rows[16];
    for (long c = 0; c < g->channels; c++) {
        for (long y = 0; y < g->height; y++) {
            float *row = image + (c * g->height + y) * g->width;
            float *base = phases + c * t->channelSize + t->rowOffset[y];
            if (count > 0) {
                for (long r = 0; r < s; r++) rows[r] = base + t->columnOffset[lead + r];
                if (toImage) {
                    ops->merge(rows, s, count, row + lead);
                } else {
                    ops->split(row + lead, s, count, rows);
                }
            }
            for (long x = 0; x < g->width; x++) {
                if (x == lead) x = tail;
                if (x >= g->width) break;
                if (toImage) {
                    row[x] = base[t->columnOffset[x]];
                } else {
                    base[t->columnOffset[x]] = row[x];
                }
            }
        }
    }
}

/// Scratch for one image's phase planes, or NULL when the image is read directly.
static float *phase_buffer(const geometry *g) {
    return is_plain(g) ? NULL : malloc((size_t)phase_size(g) * sizeof(float));
}

void tk_im2col(const float *x, long batch, long channels, long height, long width,
               long kernelH, long kernelW, long strideH, long strideW, long padH, long padW,
               long outH, long outW, long firstRow, long rowCount, float *cols) {
    geometry g = make_geometry(channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, outH, outW);
    const tk_pack_ops *ops = tk_selected_pack_ops();
    const long plane = outH * outW, rowLength = batch * plane, imageSize = channels * height * width;
    float *phases = phase_buffer(&g);
    phase_tables tables = make_tables(&g);
    for (long n = 0; n < batch; n++) {
        const float *source = x + n * imageSize;
        if (phases) {
            memset(phases, 0, (size_t)phase_size(&g) * sizeof(float));
            move_phases(&g, &tables, ops, (float *)source, phases, 0);
            source = phases;
        }
        for (long row = 0; row < rowCount; row++) {
            ops->copy(source + tables.tapOffset[firstRow + row], g.phaseW, outW, outH, outW,
                      cols + row * rowLength + n * plane);
        }
    }
    free(tables.rowOffset);
    free(phases);
}

/// Writes to `dst` the sum of every column entry of image n that lands in phase row yq of plane (ry, rx) of
/// channel c.
///
/// The taps reaching the row are those with ky ≡ ry and kx ≡ rx; each contributes output row
/// oy = yq − ky / strideH, shifted right by kx / strideW.
static void col2im_row(const geometry *g, const tk_pack_ops *ops, const float *cols, long rowLength, long n,
                       long c, long ry, long rx, long yq, const float **sources, long *shifts, float *dst) {
    long count = 0;
    const float *image = cols + n * g->outH * g->outW;
    for (long ky = ry, dy = 0; ky < g->kernelH; ky += g->strideH, dy++) {
        long oy = yq - dy;
        if (oy < 0 || oy >= g->outH) continue;
        for (long kx = rx, dx = 0; kx < g->kernelW; kx += g->strideW, dx++) {
            sources[count] = image + ((c * g->kernelH + ky) * g->kernelW + kx) * rowLength + oy * g->outW;
            shifts[count] = dx;
            count++;
        }
    }
    ops->shifted_sum(sources, shifts, count, g->outW, g->phaseW, dst);
}

void tk_col2im(const float *cols, long batch, long channels, long height, long width,
               long kernelH, long kernelW, long strideH, long strideW, long padH, long padW,
               long outH, long outW, float *dx) {
    geometry g = make_geometry(channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, outH, outW);
    const tk_pack_ops *ops = tk_selected_pack_ops();
    const long rowLength = batch * outH * outW, imageSize = channels * height * width;
    float *phases = phase_buffer(&g);
    phase_tables tables = make_tables(&g);
    const float **sources = malloc((size_t)(kernelH * kernelW) * sizeof(float *));
    long *shifts = malloc((size_t)(kernelH * kernelW) * sizeof(long));
    for (long n = 0; n < batch; n++) {
        float *target = phases ? phases : dx + n * imageSize;
        for (long c = 0; c < channels; c++) {
            for (long ry = 0; ry < strideH; ry++) {
                for (long rx = 0; rx < strideW; rx++) {
                    float *plane = target + phase_offset(&g, c, ry, rx);
                    for (long yq = 0; yq < g.phaseH; yq++) {
                        col2im_row(&g, ops, cols, rowLength, n, c, ry, rx, yq, sources, shifts, plane + yq * g.phaseW);
                    }
                }
            }
        }
        if (phases) move_phases(&g, &tables, ops, dx + n * imageSize, phases, 1);
    }
    free(tables.rowOffset);
    free(sources);
    free(shifts);
    free(phases);
}

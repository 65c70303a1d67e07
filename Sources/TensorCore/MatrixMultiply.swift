import CTensorKernels

/// Row-major single-precision GEMM on raw buffers, split across ``ComputeThreads`` when large.
enum MatrixMultiply {
    /// C = alpha · op(A) · op(B) + beta · C, where op transposes when asked (see `tk_sgemm`).
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        let threads = ComputeThreads.count
        let flops = 2 * m * n * k
        let ta: Int32 = transposeA ? 1 : 0, tb: Int32 = transposeB ? 1 : 0
        let largeProduct = flops >= minimumSplitFlops && max(m, n) >= 96
        guard threads > 1, largeProduct || readsLargeMatrixOnce(m: m, n: n, k: k) else {
            tk_sgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
            return
        }
        let splitRows = m >= n
        let extent = splitRows ? m : n
        // A matrix–vector product splits in two halves whatever the thread count: every part keeps the vector
        // path (more parts could leave one with a handful of rows, which a different dot product order takes).
        let alignment = largeProduct ? (splitRows ? 24 : 32) : 16
        let partCount = largeProduct ? threads : 2
        let chunk = ((extent + partCount - 1) / partCount + alignment - 1) / alignment * alignment
        let parts = (extent + chunk - 1) / chunk
        let operands = Operands(a: a, b: b, c: c)
        ComputeThreads.run(parts: parts) { part in
            let (a, b, c) = (operands.a, operands.b, operands.c)
            let start = part * chunk
            let size = min(chunk, extent - start)
            if splitRows {
                let aPart = transposeA ? a + start : a + start * lda
                tk_sgemm(ta, tb, size, n, k, alpha, aPart, lda, b, ldb, beta, c + start * ldc, ldc)
            } else {
                let bPart = transposeB ? b + start * ldb : b + start
                tk_sgemm(ta, tb, m, size, k, alpha, a, lda, bPart, ldb, beta, c + start, ldc)
            }
        }
    }

    /// The floating-point operations from which a product splits its long side between threads (a 128-cube is 4.2
    /// MFLOP); convolutions keep ``ComputeThreads/minimumParallelFlops``.
    static let minimumSplitFlops = 4_000_000

    /// The matrix elements of a matrix–vector product from which its long side splits between threads: reading
    /// half of a 256 KB matrix on each core beats one core reading all of it by more than the handoff costs.
    static let minimumSplitMatrixElements = 65_536

    /// Whether an m × n × k product is a matrix–vector one (`tk_sgemm_is_vector_product`: a network's forward pass
    /// at batch 1, where reading the matrix costs more than the arithmetic) whose matrix is large enough to split.
    private static func readsLargeMatrixOnce(m: Int, n: Int, k: Int) -> Bool {
        tk_sgemm_is_vector_product(m, n) != 0 && max(m, n) * k >= minimumSplitMatrixElements && max(m, n) >= 96
    }

    /// The buffers of one product, handed to worker threads that write disjoint blocks of `c`.
    private struct Operands: @unchecked Sendable {
        let a: UnsafePointer<Float>
        let b: UnsafePointer<Float>
        let c: UnsafeMutablePointer<Float>
    }

    /// The name of the micro-kernel in use: "avx512f", "avx2+fma" or "portable".
    static var kernelName: String { String(cString: tk_sgemm_kernel_name()) }

    /// Switches the calling thread (and the parts it hands to ``ComputeThreads``) to the named micro-kernel; false
    /// (and no change) when unknown or unsupported on this CPU.
    @discardableResult
    static func useKernel(_ name: String) -> Bool { tk_sgemm_use_kernel(name) != 0 }
}

extension Tensor {
    /// op(a) · op(b) for matrices `[M, K]` or equal-sized batches `[B, M, K]`, without recording gradients.
    static func product(_ a: Tensor, transposed ta: Bool, _ b: Tensor, transposed tb: Bool) -> Tensor {
        precondition((a.rank == 2 || a.rank == 3) && a.rank == b.rank, "matmul needs two rank-2 or two rank-3 tensors, got \(a.shape) and \(b.shape)")
        let batch = a.rank == 3 ? a.shape[0] : 1
        precondition(a.rank == 2 || b.shape[0] == batch, "batch sizes differ: \(a.shape) and \(b.shape)")
        let (ar, ac) = (a.shape[a.rank - 2], a.shape[a.rank - 1])
        let (br, bc) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
        let (m, k) = ta ? (ac, ar) : (ar, ac)
        let (kb, n) = tb ? (bc, br) : (br, bc)
        precondition(k == kb, "matmul inner dimensions differ: \(a.shape)\(ta ? "ᵀ" : "") and \(b.shape)\(tb ? "ᵀ" : "")")
        let shape = a.rank == 3 ? [batch, m, n] : [m, n]
        return Tensor(shape: shape) { out in
            for index in 0..<batch {
                MatrixMultiply.gemm(
                    transposeA: ta, transposeB: tb, m: m, n: n, k: k,
                    a: a.storage.pointer + index * ar * ac, lda: ac,
                    b: b.storage.pointer + index * br * bc, ldb: bc,
                    c: out.baseAddress! + index * m * n, ldc: n)
            }
        }
    }

    /// op(a) · op(b) with gradients.
    static func recordedProduct(_ a: Tensor, transposed ta: Bool, _ b: Tensor, transposed tb: Bool) -> Tensor {
        let value = product(a, transposed: ta, b, transposed: tb)
        let (x, y) = (a.detached(), b.detached())
        return recording(value, inputs: [a, b]) { g, needed in
            let da: Tensor? = needed[0] ? (ta ? product(y, transposed: tb, g, transposed: true) : product(g, transposed: false, y, transposed: !tb)) : nil
            let db: Tensor? = needed[1] ? (tb ? product(g, transposed: true, x, transposed: ta) : product(x, transposed: !ta, g, transposed: false)) : nil
            return [da, db]
        }
    }

    /// The matrix product: `[M, K] · [K, N] → [M, N]`, or batched `[B, M, K] · [B, K, N] → [B, M, N]`.
    public func matmul(_ other: Tensor) -> Tensor {
        Tensor.recordedProduct(self, transposed: false, other, transposed: false)
    }

    /// The transpose of a matrix, without recording gradients (a vectorized block transpose; a row or a column
    /// keeps its storage, since its elements are already in the transposed order).
    func matrixTranspose() -> Tensor {
        let (rows, columns) = (shape[0], shape[1])
        if rows == 1 || columns == 1 { return Tensor(shape: [columns, rows], storage: storage) }
        return Tensor(shape: [columns, rows]) { out in tk_transpose(rows, columns, storage.pointer, out.baseAddress!) }
    }

    /// Whether the affine products of a small batch are better computed transposed, `(W · xᵀ)ᵀ` and
    /// `(Wᵀ · gᵀ)ᵀ`, so the product reads the weight in place instead of packing it (the same sums, in the same
    /// order, so the same bits).
    static func readsWeightInPlace(batch: Int, weight: Tensor) -> Bool {
        batch < weight.shape[0] && tk_sgemm_reads_a_in_place(weight.shape[0], batch, weight.shape[1]) != 0
    }

    /// The affine map of a fully connected layer: `input · weightᵀ + bias`.
    ///
    /// `input` is `[batch, in]`, `weight` is `[out, in]` (PyTorch's layout) and `bias` is `[out]`.
    public static func affine(_ input: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
        precondition(input.rank == 2 && weight.rank == 2 && input.shape[1] == weight.shape[1],
                     "affine needs [batch, \(weight.shape.last ?? 0)] input, got \(input.shape) for weight \(weight.shape)")
        let (batch, outputs) = (input.shape[0], weight.shape[0])
        if let bias { precondition(bias.shape == [outputs], "bias shape \(bias.shape) does not match \(outputs) outputs") }
        let weightInPlace = readsWeightInPlace(batch: batch, weight: weight)
        let value = Tensor(shape: [batch, outputs]) { out in
            affineValues(of: input.storage.pointer, batch: batch, weight: weight, bias: bias, into: out.baseAddress!)
        }
        let (x, w) = (input.detached(), weight.detached())
        let inputs = bias.map { [input, weight, $0] } ?? [input, weight]
        // The two gradient products do not depend on each other: large enough, they run side by side.
        let sideBySideProducts = 2 * batch * outputs * weight.shape[1] >= ComputeThreads.minimumSideBySideFlops
        return recording(value, inputs: inputs) { g, needed in
            var inputGradient: Tensor?, weightGradient: Tensor?
            let computeInputGradient = {
                guard needed[0] else { return }
                inputGradient = weightInPlace
                    ? product(w, transposed: true, g, transposed: true).matrixTranspose()
                    : product(g, transposed: false, w, transposed: false)
            }
            let computeWeightGradient = {
                guard needed[1] else { return }
                weightGradient = product(g, transposed: true, x, transposed: false)
            }
            ComputeThreads.sideBySide(if: needed[0] && needed[1] && sideBySideProducts, computeInputGradient,
                                      computeWeightGradient)
            var grads: [Tensor?] = [inputGradient, weightGradient]
            if needed.count == 3 {
                grads.append(needed[2] ? g.sum(alongAxis: 0) : nil)
            }
            return grads
        }
    }

    /// The affine map of one input row, `weight · input + bias`, written into `output` (`weight.shape[0]` floats)
    /// without making a tensor or recording gradients: ``affine(_:weight:bias:)``'s forward pass at batch 1, so the
    /// same bits, for inference loops that call it once per step.
    public static func affine(row input: UnsafePointer<Float>, weight: Tensor, bias: Tensor?,
                              into output: UnsafeMutablePointer<Float>) {
        affineValues(of: input, batch: 1, weight: weight, bias: bias, into: output)
    }

    /// `input · weightᵀ + bias` for `batch` rows, into `output` (`batch × outputs`). A batch below the output count
    /// is computed as `(W · xᵀ)ᵀ` when that reads the weight in place (see ``readsWeightInPlace(batch:weight:)``);
    /// otherwise the bias is laid down first and the product added to it (beta 1), one pass over the result.
    static func affineValues(of input: UnsafePointer<Float>, batch: Int, weight: Tensor, bias: Tensor?,
                             into output: UnsafeMutablePointer<Float>) {
        let (outputs, inputCount) = (weight.shape[0], weight.shape[1])
        if readsWeightInPlace(batch: batch, weight: weight) {
            // W · xᵀ is [outputs, batch]; one row is already in the transposed order.
            let product = batch == 1 ? nil : TensorStorage(count: outputs * batch)
            MatrixMultiply.gemm(transposeA: false, transposeB: true, m: outputs, n: batch, k: inputCount,
                                a: weight.storage.pointer, lda: inputCount, b: input, ldb: inputCount,
                                c: product?.pointer ?? output, ldc: batch)
            if let product { tk_transpose(outputs, batch, product.pointer, output) }
            if let bias { tk_add_row(batch, outputs, bias.storage.pointer, output) }
        } else {
            if let bias {
                for row in 0..<batch { (output + row * outputs).update(from: bias.storage.pointer, count: outputs) }
            }
            MatrixMultiply.gemm(transposeA: false, transposeB: true, m: batch, n: outputs, k: inputCount, a: input,
                                lda: inputCount, b: weight.storage.pointer, ldb: inputCount, beta: bias == nil ? 0 : 1,
                                c: output, ldc: outputs)
        }
    }
}

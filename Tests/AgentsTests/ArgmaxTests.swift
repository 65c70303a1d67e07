import Agents
import Testing

@Suite struct ArgmaxTests {
    @Test func theFirstLargestWins() {
        #expect(argmax([0.5, 2, -1]) == 1)
        #expect(argmax([3, 7, 7, 1] as [Float]) == 1)
        #expect(argmax([4]) == 0)
        #expect(argmax([-.infinity, -.infinity] as [Double]) == 0)
    }

    @Test func positionsCountFromTheSliceStart() {
        let table: [Double] = [9, 9, 9, 0, 5, 5, 1]
        #expect(argmax(table[3..<7]) == 1)
    }

    @Test func aNaNWinsOnlyWhenItComesFirst() {
        #expect(argmax([1, .nan, 2]) == 2)
        #expect(argmax([.nan, 1, 2]) == 0)
    }
}

import ForgeCore
import Foundation
import TerminalUI
import Testing

@testable import Instruments

/// The plot puts ForgeCore's numbers where they belong: the optimum at the curve's minimum,
/// the design on the curve and sliding with over-training, the losses the dossier shows.
struct ForgePlotMathTests {
  typealias F = ForgePlotFixture
  let area = Rect(x: 0, y: 0, width: 58, height: 15)

  func chart(_ design: ForgeDesign, _ state: ForgePlotState = ForgePlotState())
    -> (ForgePlotPoints, Plot)
  {
    let points = ForgePlotPoints(design: design, state: state, resolution: area.width * 2 + 1)
    let plot = ForgePlotPanel.chart(
      points, state: state, area: area, roomy: true, context: F.ascii)
    return (points, plot)
  }

  @Test(arguments: [20.0, 22.5, 25.0, 27.0])
  func optimumIsAtTheLowestPointOfTheCurveOnScreen(exponent: Double) throws {
    let design = ForgeDesign(budget: pow(10, exponent))
    let (points, plot) = chart(design)
    let optimum = try #require(
      plot.cell(for: PlotPoint(x: points.optimum.x, y: points.optimum.loss), in: area))
    let cells = points.curve.compactMap { plot.cell(for: PlotPoint(x: $0.x, y: $0.loss), in: area) }
    let lowest = try #require(cells.map(\.y).max())
    #expect(optimum.y == lowest)
    let columns = cells.filter { $0.y == lowest }.map(\.x)
    #expect((columns.min()!...columns.max()!).contains(optimum.x))
  }

  @Test func optimumIsDrawnWhereItBelongs() throws {
    var canvas = Canvas(size: Size(width: 60, height: 20))
    let design = ForgeDesign.seedDefault
    let state = ForgePlotState()
    ForgePlotPanel.render(
      into: &canvas, area: canvas.bounds, design: design, state: state, context: F.ascii)
    let f = try #require(
      ForgePlotPanel.frame(area: canvas.bounds, design: design, state: state, context: F.ascii))
    let plot = ForgePlotPanel.chart(
      f.points, state: state, area: f.chartArea, roomy: f.roomy, context: F.ascii)
    let cell = try #require(
      plot.cell(for: PlotPoint(x: f.points.optimum.x, y: f.points.optimum.loss), in: f.chartArea))
    #expect(canvas[cell.x, cell.y].glyph == ForgePlotMark.optimum.glyph(.ascii))
  }

  @Test func designSitsOnTheCurveAndOverTrainingSlidesItLeft() throws {
    let law = ScalingLaw.chinchillaRefit
    var columns: [Int] = []
    for stop in 0..<Decision.overtrain.stopCount {
      let design = ForgeDesign.seedDefault.setting(.overtrain, toStop: stop)
      let (points, plot) = chart(design)
      let n = points.design.x
      let onCurve = law.loss(params: n, tokens: design.budget / (6 * n))
      #expect(abs(points.design.loss - onCurve) < 1e-12)
      let cell = try #require(
        plot.cell(for: PlotPoint(x: n, y: points.design.loss), in: area))
      columns.append(cell.x)
    }
    #expect(zip(columns, columns.dropFirst()).allSatisfy { $0 > $1 }, "\(columns)")
  }

  @Test func legendShowsTheDossiersLoss() {
    for preset in Preset.allCases {
      let dossier = Dossier(preset.design)
      let loss = dossier["predicted_loss"]!.text
      for mode in ForgePlotState.Mode.allCases {
        let text = F.plot(60, 20, design: preset.design, state: ForgePlotState(mode: mode)).text
        #expect(text.contains("L " + loss), "\(preset) \(mode)")
      }
    }
  }

  @Test func frontierMarksTheDesignAtItsBudget() throws {
    var columns: [Int] = []
    for stop in stride(from: 0, to: Decision.compute.stopCount, by: 10) {
      let design = ForgeDesign.seedDefault.setting(.compute, toStop: stop)
      let (points, plot) = chart(design, ForgePlotState(mode: .frontier))
      #expect(points.design.x == design.budget)
      let cell = try #require(
        plot.cell(for: PlotPoint(x: design.budget, y: points.design.loss), in: area))
      columns.append(cell.x)
    }
    #expect(zip(columns, columns.dropFirst()).allSatisfy { $0 < $1 }, "\(columns)")
  }

  @Test func everyModelWithDisclosedTokensIsAPointOnTheFrontier() {
    let (points, plot) = chart(.seedDefault, ForgePlotState(mode: .frontier))
    let disclosed = Gallery.models.filter { $0.tokens != nil }
    #expect(points.models.compactMap(\.mark).count == disclosed.count)
    // The design plus one marker per plotted model (the curve is the optimum).
    #expect(plot.markers.count == 1 + disclosed.count)
    for m in points.models {
      #expect(m.mark?.x == m.model.compute)
    }
  }

  @Test func aModelWithoutTokensSaysWhyItIsNotPlotted() {
    let mixtral = F.index("mixtral-8x7b")
    let text = F.plot(60, 20, state: ForgePlotState(selected: mixtral)).text
    #expect(text.contains("Mixtral 8x7B: training tokens undisclosed, not plotted"))
  }

  @Test func aPickedDenseModelBringsItsOwnCurveAndAMoEDoesNot() {
    let gpt3 = chart(.seedDefault, ForgePlotState(selected: F.index("gpt3"))).0
    #expect(!gpt3.selectedCurve.isEmpty)
    let dsv3 = chart(.seedDefault, ForgePlotState(selected: F.index("deepseek-v3"))).0
    #expect(dsv3.selectedCurve.isEmpty)
  }

  @Test func isoFLOPRangeCoversEveryOverTrainingStop() {
    for e in Decision.computeExponents {
      let c = pow(10, e)
      let nOpt = ScalingLaw.chinchillaRefit.optimalParams(compute: c)
      let range = ForgePlotPoints.isoFLOPRange(around: nOpt)
      for f in Decision.overtrainFactors {
        #expect(range.contains(nOpt / f.squareRoot()))
      }
    }
  }
}

import ForgeCore
import TerminalUI

/// What the column beside the boxes holds under the explanation on screens with the room:
/// the boxes either side of the selected one, and the design's arithmetic box by box. Each
/// panel is drawn whole or not at all, in the first of its forms that fits.
enum LifecycleColumn {
  /// A titled panel with its forms, fullest first.
  struct Part {
    var title: String
    /// The forms at an inside width, fullest first, each as its lines.
    var forms: (Int) -> [[StyledText]]

    /// Draws the first form that fits whole at the top of `area`; returns the rows it took.
    func draw(into canvas: inout Canvas, area: Rect, context: RenderContext) -> Int {
      let width = area.width - 4
      guard width > 0, let lines = forms(width).first(where: { $0.count + 2 <= area.height })
      else { return 0 }
      let rect = area.takingTop(lines.count + 2)
      let inner = Panel(title, focused: false).draw(into: &canvas, area: rect, context: context)
        .inset(left: 1, right: 1)
      for (i, line) in lines.enumerated() {
        canvas.put(line, x: inner.x, y: inner.y + i, clip: inner)
      }
      return rect.height
    }
  }

  /// `text` wrapped to `width`, without the blank lines its last newlines leave; a line led
  /// by spaces and a bullet (a note) wraps under its own words, not under the bullet.
  static func wrapped(_ text: StyledText, width: Int) -> [StyledText] {
    var lines: [StyledText] = []
    for line in text.lines {
      let plain = line.plain
      let spaces = plain.prefix { $0 == " " }.count
      let rest = plain.dropFirst(spaces)
      let lead =
        spaces > 0 && rest.count > 2 && rest.dropFirst().first == " " && !rest.first!.isLetter
      let indent = lead ? spaces + 2 : 0
      guard indent > 0, width - indent >= 10 else {
        lines += line.wrapped(to: width)
        continue
      }
      let parts = line.wrapped(to: width - indent)
      let pad = StyledText(String(repeating: " ", count: indent))
      lines += parts.prefix(1) + parts.dropFirst().map { pad + $0 }
    }
    while lines.last?.plain.allSatisfy({ $0 == " " }) == true { lines.removeLast() }
    return lines
  }

  static func panels(selected: LifecycleStage, dossier: Dossier, context: RenderContext)
    -> [Part]
  {
    [
      neighbours(selected, dossier: dossier, context: context),
      arithmetic(selected, dossier, context),
    ]
  }

  /// The boxes before and after the selected one: title, chapter, gist and live figures, and
  /// (in the fuller form) the first sentence of each one's explanation.
  static func neighbours(_ stage: LifecycleStage, dossier: Dossier, context: RenderContext)
    -> Part
  {
    let theme = context.theme
    let g = context.glyphs
    let all = LifecycleStage.allCases
    let before = all.first { $0.rawValue == stage.rawValue - 1 }
    let after = all.first { $0.rawValue == stage.rawValue + 1 }
    let dot = " \(g.middleDot) "
    /// `sentences`: how much of the other box's explanation follows its line (0: none).
    func entry(_ lead: String, _ other: LifecycleStage, sentences: Int) -> StyledText {
      var text = StyledText(lead, style: theme.muted)
      text.append("\(other.title(short: false)) (\(other.chapter)): ", style: theme.title)
      text.append(g.text(other.gist(arrow: g.isUnicode ? "→" : "->")), style: theme.text)
      // The box's own figure lines, in their long forms.
      let figures = LifecycleFigures.lines(for: other, dossier: dossier, width: .max, glyphs: g)
      if !figures.isEmpty {
        text.append(dot + figures.joined(separator: dot), style: theme.accent)
      }
      text.append("\n")
      let told = other.sentences.prefix(sentences)
      if !told.isEmpty {
        text.append(g.text(told.joined(separator: " ")) + "\n", style: theme.text)
      }
      return text
    }
    // Their whole explanations, else their first sentences, else their lines alone.
    let forms = [Int.max, 1, 0].map { sentences -> StyledText in
      var text = StyledText()
      if let before {
        text.append(entry("Comes from ", before, sentences: sentences))
      } else {
        let senders = LifecycleReturns.senders.map { $0.title(short: false) }
        text.append("Comes from ", style: theme.muted)
        text.append("a fresh crawl, and the return path: ", style: theme.title)
        text.append(senders.joined(separator: ", ") + ".\n", style: theme.generated)
      }
      if sentences > 0 { text.append("\n") }
      if let after {
        text.append(entry("Goes on to ", after, sentences: sentences))
      } else {
        text.append("The last box: ", style: theme.muted)
        text.append("beside the token world, not after it.\n", style: theme.text)
      }
      return text
    }
    return Part(title: "BEFORE AND AFTER \(stage.title(short: false))") { width in
      forms.map { wrapped($0, width: width) }
    }
  }

  /// Every live figure of the boxes in pipeline order, each with its result and formula, the
  /// selected box's marked: the design read as one chain of arithmetic. Shorter forms drop
  /// the formulas, then put each box's figures on one line.
  static func arithmetic(_ selected: LifecycleStage, _ dossier: Dossier, _ context: RenderContext)
    -> Part
  {
    let theme = context.theme
    let g = context.glyphs
    let stages = LifecycleStage.allCases.map { stage in
      (stage, LifecycleFigures.figureIDs(for: stage).compactMap { dossier[$0] })
    }.filter { !$0.1.isEmpty }
    func title(_ stage: LifecycleStage) -> StyledText {
      let mark = stage == selected ? "\(g.arrowRight) " : "  "
      return StyledText(mark, style: theme.focus)
        + StyledText(
          stage.title(short: false), style: stage == selected ? theme.selection : theme.title)
    }
    func result(_ figure: Figure) -> StyledText {
      StyledText(g.text(figure.label) + " = ", style: theme.text)
        + StyledText(g.text(figure.trace.result), style: theme.accent)
        + StyledText(figure.trace.eq.isEmpty ? "" : "  (\(figure.trace.eq))", style: theme.muted)
    }
    return Part(title: "THE DESIGN BOX BY BOX: each live figure as arithmetic") { width in
      // Each figure and its formula on one line where they fit, else the formula under it.
      var worked: [StyledText] = []
      var full: [StyledText] = []
      var results: [StyledText] = []
      var lines: [StyledText] = []
      for (stage, figures) in stages {
        worked.append(title(stage))
        full.append(title(stage))
        results.append(title(stage))
        var line = title(stage) + StyledText("  ")
        for (i, figure) in figures.enumerated() {
          let head = StyledText("    ") + result(figure)
          let formula = StyledText(g.text(figure.trace.formula), style: theme.muted)
          // The fullest form: the formula with the design's numbers put in, under the result.
          let numbers = g.text(figure.trace.formula + " = " + figure.trace.substituted)
          worked.append(head)
          worked += StyledText(numbers, style: theme.muted).wrapped(to: width - 8).map {
            StyledText("        ") + $0
          }
          let both = head + StyledText("   ") + formula
          if both.displayWidth <= width {
            full.append(both)
          } else {
            full.append(head)
            full += (StyledText("        ") + formula).wrapped(to: width)
          }
          results.append(head)
          if i > 0 { line.append("; ") }
          line =
            line + StyledText(g.text(figure.label) + " ", style: theme.text)
            + StyledText(g.text(figure.text), style: theme.accent)
        }
        lines += line.wrapped(to: width)
      }
      return [worked, full, results, lines]
    }
  }
}

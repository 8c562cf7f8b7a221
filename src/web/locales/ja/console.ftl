# The reviewers' console (/console): for reviewers, who know the trust
# rules; plain words all the same.

console-sign-in-title = 審査担当者のサインイン
console-token = 審査担当者トークン
console-token-hint = 運用担当者から受け取ったトークンです（bizseal reviewer create）。共用のコンピューターでは、作業が終わったらサインアウトしてください。
console-sign-in = サインイン
console-wrong-token = トークンが正しくありません。確認して、もう一度お試しください。
console-locked-out = { $minutes ->
   *[other] お使いのネットワークから誤ったトークンが多数送信されました。{ $minutes }分後にもう一度お試しください。
}
console-signed-out = サインアウトしました。

console-nav-label = コンソール
console-nav-queue = 審査キュー
console-nav-business = 事業者または番号
console-nav-audit = 監査ログ
console-nav-outbox = コード送信箱
console-signed-in-as = { $name }としてサインイン中
console-sign-out = サインアウト

console-forged-title = フォームを受け付けませんでした
console-forged-text = このフォームにはこのセッションのセキュリティトークンが含まれていなかったため、何も実行されていません。コンソールからページを開き直し、そこからフォームを送信してください。
console-back-to-queue = 審査キューに戻る

console-done-approved = 承認しました。申請の場合は事業者が認証済みになり、確認済みの番号にバッジが付きます。プロフィール変更の場合は公開されました。
console-done-rejected = 却下しました。事業者には理由が表示されます。公開内容は何も変わっていません。
console-done-dismissed = フラグを却下しました。通報は引き続きカウントされます。事業者はキューから外れました。
console-done-suspended = 停止しました。停止が解除されるまで、この事業者のすべてのバッジが取り消されます。
console-done-reinstated = 停止を解除しました。認証済みの事業者の番号には、新しいトークンで再びバッジが付きます。
console-done-revoked = バッジを取り消しました。番号のトークンは失効し、照会結果にもその旨が表示されます。
console-done-released = この事業者から番号を解除しました。付いていたバッジは失効しています。
console-done-unlocked = ロックを解除しました。事業者はこの番号のコードを再び入力できます。
console-done-nothing-locked = 解除するものはありません。この番号はこの事業者に対してロックされていませんでした。

console-queue-title = 審査キュー
console-queue-count = { $count ->
    [0] 判断を待っているものはありません。
   *[other] { $count }件の事業者が判断を待っています（古い順）。
}
console-queue-more = 古いものだけを表示しています。残りを表示するには、これらについて判断してください。
console-kind-submission = 申請
console-kind-edit = プロフィール変更
console-kind-flag = フラグあり
console-legal-name = 正式名称
console-names = 名称
console-about = カテゴリ・所在地・状態
console-id = 事業者ID
console-queued = 待機開始日時
console-flag = フラグ
console-evidence = 判断材料
console-numbers = 電話番号
console-no-numbers = 電話番号は登録されていません。
console-number = 番号
console-state = 状態
console-proof = 確認方法
console-reports = 通報（30日間）
console-reports-count = { $reports ->
    [0] なし
   *[other] { $reports }件（{ $reporters }件のネットワークから）
}
console-level = レベル{ $level }
console-held-by-other = 他の事業者が保有
console-not-proven = 未確認
console-proof-otp = ワンタイムコード
console-proof-import = 審査済みの登録簿からインポート
console-domain = ドメイン
console-domain-proven = ドメイン{ $domain }は{ $date }に確認済みです。
console-domain-unproven = ドメイン{ $domain }は申告済みですが、未確認です。
console-no-domain = ドメインなし：最大でレベルBです。
console-warnings = 警告
console-warning-confusable = 「{ $name }」は認証済みの事業者「{ $similar }」に似ています。
console-warning-brand = 「{ $name }」には認証済みの事業者「{ $similar }」の名前が含まれています。
console-warning-mixed-script = 「{ $name }」は1つの語に複数の文字体系が混在しています。名前をまねる際によく使われる手口です。
console-warning-website = ウェブサイト{ $name }は確認済みのドメイン上にありません。
console-see-business = その事業者を見る
console-changes = 変更の提案内容
console-field = 項目
console-before = 現在
console-after = 提案
console-none = （なし）
console-field-legal-name = 正式名称
console-field-names = 名称
console-field-default-lang = 既定の言語
console-field-category = カテゴリ
console-field-city = 市区町村
console-field-website = ウェブサイト
console-field-description = 説明
console-field-logo-url = ロゴ
console-field-commands = クイック返信
console-field-other = その他の項目
console-decision = 判断

console-note = メモ（任意）
console-reason = 理由（必須）
console-approve = 承認
console-approve-explain = 承認：申請の場合は事業者が認証済みになり、確認済みの各番号にバッジが付きます（ドメイン確認済みならレベルA、それ以外はB）。プロフィール変更の場合は公開されます。
console-reject = 却下
console-reject-explain = 却下：事業者には理由が表示され、後で再申請できます。公開内容は変わりません。認証済みの事業者の公開を止めるには、停止してください。
console-dismiss = フラグを却下
console-dismiss-explain = フラグの却下：事業者はキューから外れます。通報は引き続きカウントされ、再びフラグが付くことがあります。
console-suspend = 停止
console-suspend-explain = 停止：この事業者のすべてのバッジが直ちに取り消され、審査担当者が停止を解除するまで、番号は停止中と表示されます。
console-reinstate = 停止を解除
console-reinstate-explain = 停止の解除：停止が終了します。認証済みの事業者には、番号の新しいトークンが発行されます（古いトークンは失効したままです）。
console-revoke = バッジを取り消す
console-revoke-explain = バッジの取り消し：この番号のトークンが失効し、照会結果には認証が取り消されたことが理由とともに表示されます。その後は、番号を解除しない限り番号は空きません。
console-release = 番号を解除
console-release-explain = 番号の解除：番号はこの事業者のリストから外れ、バッジがあれば失効します。その番号を確認済みで、審査を受けた別の事業者が番号を引き継ぎます。
console-unlock = ロックを解除
console-unlock-explain = ロックの解除：事業者はこの番号のコードを再び入力できるようになります（誤ったコードが多すぎたためロックされていました）。

console-business-title = 事業者または番号
console-find-label = 事業者IDまたは電話番号
console-find-hint = 事業者ID（b_…）または国際形式の番号（+…）を入力してください。
console-find = 検索
console-find-unreadable = 事業者IDでも国際形式の電話番号でもありません。
console-find-no-business = そのIDの事業者はありません。
console-find-unlisted = { $number }を登録している事業者はありません。
console-parties = { $number }を登録している事業者
console-review = 審査
console-review-draft = 未提出
console-review-submitted = 審査担当者の対応待ち
console-review-approved = 承認済み
console-review-rejected = 却下済み
console-review-other = 不明
console-status-verified = 認証済み
console-status-registered = 未認証
console-status-suspended = 停止中
console-in-queue = 審査キューで待機中です。
console-public-profile = 公開プロフィール
console-locked-until = 誤ったコードのため{ $date }までロック中
console-number-attested = バッジあり
console-number-on-hold = 保留中（事業者が停止中）
console-number-revoked = バッジ取り消し済み
console-number-unproven = 未確認
console-number-proven = 確認済み、審査待ち
console-number-disputed = 確認済み、ただし他の事業者が保有
console-number-locked = 誤ったコードのためロック中
console-number-other = 不明な状態
console-business-decision = 事業者
console-history = 最近の監査ログ
console-whole-history = この事業者の監査ログ全体

console-audit-title = 監査ログ
console-audit-of = 事業者{ $business }のみを表示しています。
console-audit-all = すべて表示
console-audit-empty = 記録はありません。
console-when = 日時
console-who = 実行者
console-what = 内容
console-business = 事業者
console-detail = 詳細
console-pages = ページ
console-newest = 最新の記録
console-older = 以前の記録
console-did-registered = 登録
console-did-submitted = 審査に提出
console-did-submission-withdrawn = 申請を取り下げ
console-did-deleted = 事業者を削除
console-did-profile-edited = プロフィールを編集
console-did-edit-submitted = プロフィール変更を審査に提出
console-did-edit-withdrawn = プロフィール変更を取り下げ
console-did-domain-challenge = ドメインの確認を開始
console-did-domain-proven = ドメインを確認
console-did-code-sent = ワンタイムコードを受信
console-did-number-proven = 番号を確認
console-did-number-removed = 番号を削除
console-did-number-disputed = 他の事業者が保有する番号を確認
console-did-number-taken-over = 解除された番号を引き継ぎ
console-did-flagged = 審査のためフラグ付け
console-did-approved = 申請または変更を承認
console-did-rejected = 申請または変更を却下
console-did-flag-dismissed = フラグを却下
console-did-suspended = 事業者を停止
console-did-reinstated = 事業者の停止を解除
console-did-number-revoked = 番号のバッジを取り消し
console-did-number-released = 番号を解除
console-did-number-unlocked = 番号のロックを解除
console-did-key-rotated = 署名鍵を更新
console-did-reviewer-created = 審査担当者を追加
console-did-admin-created = 管理者権限のある審査担当者を追加
console-did-reviewer-removed = 審査担当者を削除
console-did-reviewer-lockout = 審査担当者トークンの誤りが続いたためネットワークをロック
console-did-country-breaker = ある国へのコード送信を制限

console-outbox-title = コード送信箱
console-outbox-intro = ワンタイムコードはSMSゲートウェイではなく、この送信箱に届きます（ログ送信方式）。コードは、それを求めた本人に、送信先の番号でのみ読み上げてください。
console-outbox-empty = まだコードは送信されていません。
console-code = コード
console-language = 言語

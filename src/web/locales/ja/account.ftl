# A business's own pages: applying (/apply), signing in, and running the
# business (/account and the pages under it). Written for a small shop
# owner, not an engineer: no "API", "E.164" or "HTTP" where words will do.

## Applying.

apply-title = 事業者の認証を受ける
apply-intro = 事業者を登録し、コードを使って電話番号を管理していることを確認してから、審査に提出してください。審査担当者が承認すると、番号に緑のバッジが表示されます。
apply-have-key = すでに登録済みですか？
apply-sign-in = キーでサインイン
apply-form-h = 事業者について
apply-legal-name = 正式名称
apply-legal-name-hint = 登記簿に記載されているとおりに入力してください。
apply-name = お客様に知られている名称
apply-name-hint = 他の言語での名称は後で追加できます。
apply-name-lang = その名称の言語
apply-default-lang = 主な言語
apply-default-lang-hint = お客様の言語での名称がある場合はその名称が、ない場合は主な言語での名称が表示されます。主な言語での名称は必須です。
apply-category = カテゴリ
apply-category-choose = カテゴリを選択してください
apply-country = 国
apply-city = 市区町村（任意）
apply-website = ウェブサイト（任意）
apply-website-hint = 例：example.com。https:// を省略した場合は自動で追加します。
apply-button = 登録する
apply-done-title = 事業者の登録が完了しました
apply-done-intro = 事業者の登録が完了しました。下に事業者IDとキーが表示されています。キーは、ここへのサインインに使うほか、お使いのソフトウェアがbizsealを利用する際にも使います。

## Signing in and out.

account-sign-in-title = サインイン
account-sign-in-intro = 登録時に受け取ったキーを貼り付けてください。
account-api-key = APIキー
account-sign-in-button = サインイン
account-no-key = まだ登録していませんか？
account-apply-link = 事業者を登録する
account-sign-out = サインアウト
account-nav-label = 自社アカウント
account-nav-status = 状態と番号
account-nav-profile = プロフィール
account-nav-reports = 通報
account-nav-key = キー

## What just happened, at the top of a page.

account-done-code-sent = 6桁のコードをSMSで送信しました。有効期間は10分です。
account-done-number-proven = 番号を確認しました。
account-done-number-removed = 番号を削除しました。
account-done-domain-started = 下のトークンを公開してから、「今すぐ確認」を押してください。
account-done-domain-proven = ドメインを確認しました。
account-done-submitted = 事業者を審査に提出しました。
account-done-profile-saved = プロフィールを保存しました。
account-done-profile-pending = 変更を保存しました。審査担当者の確認待ちです。それまでは、変更前のプロフィールが表示されます。
account-done-signed-out = サインアウトしました。
account-refused = この操作は実行されませんでした。
account-forbidden-title = このフォームは有効期限が切れています
account-forbidden-text = 何も変更されていません。前のページに戻り、ページを再読み込みしてから、もう一度お試しください。

## Status.

account-title = 自社アカウント
account-business-id = 事業者ID
account-status-h = 現在の状況
account-status-business = 状態
account-status-registered = 登録済み（未認証）
account-status-verified = 認証済み
account-status-suspended = 停止中
account-status-review = 審査
account-review-draft = まだ審査に提出されていません
account-review-submitted = 審査担当者の対応待ち
account-review-approved = 承認済み
account-review-rejected = 却下
account-review-reason = 審査担当者からの理由
account-flag = 審査担当者が事業者を確認している理由
account-next-h = 次にすること：
account-next-add-number = 下で事業者の電話番号を追加してください。その番号にコードを送信します。
account-next-send-code = 下で、いずれかの番号のコードをリクエストしてください。
account-next-enter-code = 番号に送信したコードを下に入力してください。
account-next-submit = 事業者を審査に提出してください（このページの下部）。
account-next-wait = 今は何もする必要はありません。審査担当者が事業者を確認します。
account-next-rejected = 審査担当者の指摘を修正してから、もう一度審査に提出してください。
account-next-verified = 何もする必要はありません。事業者は認証済みです。
account-next-verified-prove = 新しい番号をコードで確認してください。すぐにバッジが付きます。
account-next-edit-waits = 何もする必要はありません。プロフィールの変更は審査担当者の確認待ちです。
account-next-suspended = 事業者は停止中です。審査担当者が停止を解除するまで、番号には警告が表示されます。
account-edit-pending-link = 審査待ちの変更を見る

## Numbers.

account-numbers-h = 電話番号
account-numbers-none = まだ番号はありません。
account-number-unproven = 未確認
account-number-proven = 確認済み。審査で承認されると公開されます
account-number-disputed = 確認済み。他の事業者が保有しているため、審査担当者が判断します
account-number-locked = 誤ったコードが多すぎたためロック中
account-number-attested = 認証済み（レベル{ $level }）
account-number-on-hold = 事業者の停止中は保留
account-number-revoked = 審査担当者が取り消し
account-number-locked-until = { $time }以降に、もう一度お試しいただけます。
account-code-label = { $number }に送信したコード
account-code-hint = SMSに記載された6桁の数字です。
account-confirm = 確認する
account-code-wrong = { $left ->
    [0] コードが正しくありません。このコードはもう使えません。新しいコードをリクエストしてください。
   *[other] コードが正しくありません。あと{ $left }回試せます。
}
account-send-code = コードを送信
account-resend = 新しいコードを送信
account-remove = 削除
account-add-h = 番号を追加
account-add-number = 電話番号
account-add-hint = この番号にSMSでコードを送信します。先頭に+がない番号は、下で選んだ国の番号として扱います。
account-add-region = 番号の国
account-add-button = 追加してコードを送信

## Domain.

account-domain-h = ウェブドメイン（任意）
account-domain-intro = ウェブサイトのドメインを管理していることを確認すると、番号がレベルAに上がります。
account-domain-open = { $domain }を確認するには、次の2つの方法のいずれかでトークンを公開してから、「今すぐ確認」を押してください。
account-domain-dns-h = DNSレコードとして
account-domain-dns-name = TXTレコードの名前
account-domain-dns-value = TXTレコードの値
account-domain-http-h = またはウェブサイト上で
account-domain-http-url = アドレス
account-domain-http-body = 内容（このとおりに）
account-domain-check = 今すぐ確認
account-domain-proven = { $domain }は確認済みです。
account-domain-other-h = 別のドメインを使う
account-domain-restart-hint = やり直すと、新しい確認が済むまで現在の確認は取り消されます。
account-domain-label = ドメイン
account-domain-hint = 例：example.com（http:// やパスは付けないでください）。
account-domain-start = トークンを取得
account-check-ok = ドメインを確認しました。
account-check-txt-missing = その名前のTXTレコードはまだ見つかりません。DNSの変更が反映されるまで時間がかかることがあります。後でもう一度お試しください。
account-check-txt-mismatch = TXTレコードはありますが、トークンが含まれていません。値を正確にコピーしてください。
account-check-dns-failed = DNSの照会に失敗しました。しばらくしてからもう一度お試しください。
account-check-dns-timeout = DNSの照会に時間がかかりすぎました。しばらくしてからもう一度お試しください。
account-check-unresolvable = ウェブサイトのアドレスが見つかりませんでした。
account-check-private-address = ドメインがプライベートアドレスを指しています。プライベートアドレスにはアクセスしません。
account-check-connect-failed = ウェブサイトに接続できませんでした。
account-check-redirect = このアドレスは別の場所にリダイレクトされます。トークンはこのアドレスそのものに置く必要があります。
account-check-http-status = ウェブサイトがトークンではなくエラーを返しました。
account-check-too-large = ウェブサイトの応答が大きすぎます。ページにはトークンだけを置いてください。
account-check-token-mismatch = ウェブサイトから応答がありましたが、トークンではありませんでした。正確にコピーしてください。

## Review.

account-submit-h = 審査に提出
account-submit-intro = 少なくとも1つの番号を確認したら、事業者を審査担当者に提出してください。審査担当者が事業者の身元を確認します。数日かかる場合があります。
account-submit-button = 審査に提出する

## Profile.

account-profile-title = プロフィール
account-profile-pending = 一部の変更が審査担当者の確認を待っています。このフォームには変更後の内容が表示されています。審査担当者が承認するまで、公開されるのは変更前のプロフィールです。
account-profile-reviewed = 事業者は認証済みのため、変更は審査担当者の確認を経てから公開されます。
account-profile-basics = 基本情報
account-profile-website-hint = ウェブサイトを表示しない場合は空欄にしてください。https:// を省略した場合は自動で追加します。
account-profile-logo = ロゴのアドレス（任意）
account-profile-logo-hint = ウェブサイト上の画像のアドレスです。ロゴを表示しない場合は空欄にしてください。
account-profile-names = 各言語での名称
account-profile-name-in = { $lang }での名称
account-profile-remove-name = { $lang }での名称を削除
account-profile-add-name = 別の言語で名称を追加
account-profile-new-name-lang = 新しい名称の言語
account-profile-new-name = 新しい名称
account-profile-descriptions = 説明
account-profile-description-in = { $lang }での説明
account-profile-remove-description = { $lang }での説明を削除
account-profile-add-description = 別の言語で説明を追加
account-profile-new-description-lang = 新しい説明の言語
account-profile-new-description = 新しい説明
account-profile-commands = クイック返信
account-profile-commands-hint = お客様がキーワードを番号に送ると、すぐに返信が届きます。
account-profile-keyword = キーワード
account-profile-reply = 返信
account-profile-reply-lang = この返信の言語
account-profile-remove-reply = クイック返信「{ $keyword }」を削除
account-profile-add-reply = クイック返信を追加
account-profile-save = プロフィールを保存

## Reports.

account-reports-title = 番号への通報
account-reports-intro = 確認済みの番号について寄せられた通報です（新しい順）。誰が通報したかは表示しません。通報だけでバッジが外れることはありませんが、通報が多いと審査担当者が確認します。
account-reports-count = { $count ->
    [0] 通報はありません
   *[other] { $count }件の通報
}

## Key.

account-key-title = キー
account-key-replace-h = キーを再発行
account-key-intro = キーは、ここへのサインインと、お使いのソフトウェアからのbizsealの利用に使います。他の人に見られた可能性がある場合は再発行してください。
account-key-warning = 古いキーはすぐに使えなくなります。古いキーを使っているすべての場所で、サインインし直し、ソフトウェアを新しいキーに更新してください。
account-key-button = キーを再発行する
account-new-key-title = 新しいキー
account-new-key-intro = これが新しいキーです。古いキーはもう使えません。
account-new-key-sessions = 古いキーでサインインしていた他の場所は、すべてサインアウトされました。この画面はサインインしたままです。
account-key-h = このキーは大切に保管してください
account-key-once = このキーを今すぐ安全な場所に保存してください。表示されるのは一度だけで、誰も再表示できません。
account-go = 自社アカウントへ

## One-time forms (registering, replacing the key)
form-spent = このフォームは送信済みのため、もう一度実行はしていません。キーは一度しか表示されません。控えていない場合は、アカウントの「キー」ページで交換してください。
form-stale = このフォームは古すぎて送信できないか、表示後にサービスが再起動しました。何も実行していません。内容を確認して、もう一度送信してください。

## The webhook page (/account/webhook)

account-nav-webhook = Webhook
account-done-webhook-saved = Webhook を保存しました。
account-done-webhook-removed = Webhook を削除しました。
account-done-webhook-replayed = イベントを再送信の列に入れました。
account-webhook-title = Webhook
account-webhook-h = イベントの送信先
account-webhook-intro = 番号の確認、審査の結果、バッジの取り消し、停止など、貴社に関わる変更があるたびに、bizseal は署名付きメッセージ（Standard Webhooks）を貴社のサーバーに送ります。失敗したメッセージは 1 日間再試行されます。
account-webhook-current = 送信先
account-webhook-none = Webhook は未設定です。何も送信されません。
account-webhook-url = Webhook のアドレス
account-webhook-url-hint = 公開サーバー上の https アドレス（例: https://example.com/hooks/bizseal）
account-webhook-rotate = 新しいシークレットを作る（古いものはすぐに署名に使われなくなります）
account-webhook-save = 保存
account-webhook-remove = Webhook を削除
account-webhook-secret-h = 署名用シークレット
account-webhook-secret-once = このシークレットを今すぐサーバーの設定に保存してください。表示は一度だけです。各メッセージが bizseal からのものか確かめるのに使います。
account-webhook-deliveries-h = 最近のメッセージ
account-webhook-deliveries-none = まだメッセージは送信されていません。
account-webhook-col-event = イベント
account-webhook-col-state = 状態
account-webhook-col-tries = 試行回数
account-webhook-col-result = 最後の応答
account-webhook-col-time = 作成日時
account-webhook-col-action = 操作
account-webhook-state-pending = 待機中
account-webhook-state-delivered = 配信済み
account-webhook-state-dead = 中止
account-webhook-replay = 再送信
